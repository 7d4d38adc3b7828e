import type { IndicatorInput } from '../../../shared/contracts/indicators.js';
import type { TaskInput } from '../../../shared/contracts/program-tasks.js';
import type { Actor } from '../../http/context.js';
import type { Services } from '../../services.js';
import { DEMO_PASSWORD, type DemoFoundation } from './demo-foundation.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';

async function actorOf(services: Services, username: string): Promise<Actor> {
  const u = await services.users.getByUsername(username);
  if (!u) throw new Error(`demo: account ${username} missing`);
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    orgUnitId: u.orgUnitId,
    orgUnitName: u.orgUnitName,
    personId: u.personId,
  };
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Ind = Omit<
  IndicatorInput,
  'programId' | 'periodType' | 'periodAggregation' | 'unitAggregation' | 'direction' | 'targets'
> & {
  targets?: number[];
  reported2022?: number;
  comment2022?: string;
  agg?: 'sum' | 'latest';
};

/**
 * Program 07 monitoring: the article's figures as the values reported for 2022 (§6–§10), targets for
 * 2021–2025 invented for the demo (flagged isDemo), Decision 3457's tasks delegated by the Department of
 * Planning and Investment to its Enterprise Support Center, the start-up scheme's supports, the Department of
 * Science and Technology's research topics and pilot projects, and one open round with a late and a missing unit.
 */
export async function seedDemoMonitoring(services: Services, { units }: DemoFoundation) {
  const { orgUnits, users, indicators, programTasks, reportingRounds } = services;
  const program = await indicators.program();
  const center = await orgUnits
    .list({ q: 'HN.SKHDT.TTHTDN', limit: 5, offset: 0 })
    .then((r) => r.items.find((u) => u.code === 'HN.SKHDT.TTHTDN'));
  const ttht =
    center?.id ??
    (await orgUnits.create(SYSTEM_ACTOR, {
      code: 'HN.SKHDT.TTHTDN',
      name: 'Trung tâm Hỗ trợ doanh nghiệp Hà Nội',
      kind: 'center',
      parentId: units.skhdt,
      shortName: 'TT Hỗ trợ DN',
    }));
  await users.create(SYSTEM_ACTOR, {
    username: 'unit-ttht',
    displayName: 'Trung tâm Hỗ trợ doanh nghiệp Hà Nội',
    role: 'unit',
    password: DEMO_PASSWORD,
    orgUnitId: ttht,
    personId: null,
  });
  await users.create(SYSTEM_ACTOR, {
    username: 'unit-skhdt',
    displayName: 'Sở Kế hoạch và Đầu tư',
    role: 'unit',
    password: DEMO_PASSWORD,
    orgUnitId: units.skhdt,
    personId: null,
  });
  await users.create(SYSTEM_ACTOR, {
    username: 'unit-skhcn',
    displayName: 'Sở Khoa học và Công nghệ',
    role: 'unit',
    password: DEMO_PASSWORD,
    orgUnitId: units.skhcn,
    personId: null,
  });

  const startup = await indicators.createPlan(SYSTEM_ACTOR, {
    programId: program.id,
    code: '4889/QĐ-UBND',
    legalBasis: 'Quyết định số 4889/QĐ-UBND ngày 09/9/2019 của UBND Thành phố',
    periodStart: 2019,
    periodEnd: 2025,
    title: 'Đề án Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo thành phố Hà Nội giai đoạn 2019-2025',
  });
  const sme = await indicators.createPlan(SYSTEM_ACTOR, {
    programId: program.id,
    code: '3457/QĐ-UBND',
    legalBasis: 'Quyết định số 3457/QĐ-UBND ngày 23/9/2022 của UBND Thành phố',
    periodStart: 2021,
    periodEnd: 2025,
    title:
      'Kế hoạch Hỗ trợ chuyển đổi số cho doanh nghiệp nhỏ và vừa trên địa bàn thành phố Hà Nội giai đoạn 2021-2025',
  });

  const ind = async (unit: string, planId: string | null, i: Ind) => {
    const { targets, reported2022: _r, comment2022: _c, agg, ...rest } = i;
    return indicators.create(
      SYSTEM_ACTOR,
      {
        ...rest,
        programId: program.id,
        planId,
        periodType: 'year',
        periodAggregation: agg ?? 'sum',
        unitAggregation: 'sum',
        direction: 'higher',
        responsibleOrgUnitIds: rest.formula ? [] : [unit],
        targets: (targets ?? []).map((value, k) => ({ year: 2021 + k, value })),
      },
      { isDemo: true },
    );
  };
  // [code, vi, en, unit, targets 2021–2025 (demo), reported 2022 (article)]
  const skhdtInds: Ind[] = [
    {
      code: 'QUY_DMST',
      nameVi: 'Số quỹ đầu tư đổi mới sáng tạo',
      nameEn: 'Innovation investment funds',
      measureUnit: 'count',
      agg: 'latest',
      targets: [10, 15, 18, 20, 22],
      reported2022: 16,
    },
    {
      code: 'HOI_THAO',
      nameVi: 'Số hội thảo, hội nghị kết nối nhà đầu tư, chuyên gia, doanh nghiệp, khởi nghiệp',
      nameEn: 'Ecosystem workshops and conferences',
      measureUnit: 'count',
      targets: [10, 20, 20, 20, 20],
      reported2022: 20,
      comment2022: 'Trên 20 hội thảo, hội nghị (theo báo cáo)',
    },
    {
      code: 'KINH_PHI',
      nameVi: 'Kinh phí bố trí cho Đề án khởi nghiệp và Kế hoạch chuyển đổi số DNNVV',
      nameEn: 'Budget allocated to the start-up scheme and the SME DX plan',
      measureUnit: 'vnd',
      targets: [3e9, 15e9, 5e9, 5e9, 5e9],
      reported2022: 15e9,
      comment2022: 'Trên 15 tỷ đồng (theo báo cáo)',
    },
  ];
  const startupInds: Ind[] = [
    {
      code: 'KN_TRUYEN_THONG',
      nameVi: 'Số cơ quan truyền thông được hỗ trợ truyền thông về hệ sinh thái',
      nameEn: 'Media outlets supported',
      measureUnit: 'count',
      targets: [3, 5, 5, 5, 5],
      reported2022: 5,
    },
    {
      code: 'KN_THUE_VP',
      nameVi: 'Số doanh nghiệp khởi nghiệp được hỗ trợ thuê văn phòng',
      nameEn: 'Start-ups given office rent support',
      measureUnit: 'enterprises',
      targets: [5, 10, 10, 12, 12],
      reported2022: 10,
    },
    {
      code: 'KN_UOM_TAO',
      nameVi: 'Số cơ sở ươm tạo, không gian làm việc chung được hỗ trợ sửa chữa, nâng cấp',
      nameEn: 'Incubators and co-working spaces upgraded',
      measureUnit: 'count',
      targets: [1, 2, 2, 3, 3],
      reported2022: 2,
    },
    {
      code: 'KN_KHOA_DT',
      nameVi: 'Số khóa đào tạo cho doanh nghiệp khởi nghiệp và huấn luyện viên',
      nameEn: 'Training courses for start-ups and coaches',
      measureUnit: 'count',
      targets: [2, 4, 4, 4, 4],
      reported2022: 4,
    },
    {
      code: 'KN_HOC_VIEN',
      nameVi: 'Số doanh nghiệp khởi nghiệp được đào tạo',
      nameEn: 'Start-ups trained',
      measureUnit: 'enterprises',
      targets: [30, 60, 60, 60, 60],
      reported2022: 60,
    },
    {
      code: 'KN_HLV',
      nameVi: 'Số huấn luyện viên khởi nghiệp được đào tạo',
      nameEn: 'Start-up coaches trained',
      measureUnit: 'people',
      targets: [30, 60, 60, 60, 60],
      reported2022: 60,
    },
    {
      code: 'KN_SINGAPORE',
      nameVi: 'Số doanh nghiệp khởi nghiệp được hỗ trợ đào tạo tại Singapore',
      nameEn: 'Start-ups supported for training in Singapore',
      measureUnit: 'enterprises',
      targets: [0, 10, 10, 10, 10],
      reported2022: 10,
    },
  ];
  const smeInds: Ind[] = [
    {
      code: 'DX_KHOA_DT',
      nameVi: 'Số khóa đào tạo khởi sự, quản trị, chuyển đổi số cho DNNVV',
      nameEn: 'Start-up, management and DX courses for SMEs',
      measureUnit: 'count',
      targets: [10, 23, 25, 25, 25],
      reported2022: 23,
    },
    {
      code: 'DX_DN_SX',
      nameVi: 'Số doanh nghiệp chế biến, chế tạo được đào tạo trực tiếp',
      nameEn: 'Manufacturers trained directly',
      measureUnit: 'enterprises',
      targets: [10, 18, 20, 20, 20],
      reported2022: 18,
    },
    {
      code: 'DX_BAI_GIANG',
      nameVi: 'Số bài giảng trực tuyến',
      nameEn: 'Online lectures',
      measureUnit: 'count',
      targets: [5, 10, 10, 10, 10],
      reported2022: 10,
    },
  ];
  const skhcnInds: Ind[] = [
    {
      code: 'KHCN_DE_TAI',
      nameVi: 'Số đề tài nghiên cứu được hỗ trợ',
      nameEn: 'Research topics supported',
      measureUnit: 'count',
      targets: [4, 6, 6, 8, 8],
      reported2022: 6,
    },
    {
      code: 'KHCN_DU_AN',
      nameVi: 'Số dự án sản xuất thử nghiệm do doanh nghiệp chủ trì',
      nameEn: 'Enterprise-led pilot production projects',
      measureUnit: 'count',
      targets: [6, 10, 10, 12, 12],
      reported2022: 10,
    },
  ];
  for (const i of skhdtInds) await ind(units.skhdt, null, i);
  for (const i of startupInds) await ind(units.skhdt, startup.id, i);
  for (const i of smeInds) await ind(ttht, sme.id, i);
  for (const i of skhcnInds) await ind(units.skhcn, null, i);
  await ind(ttht, sme.id, {
    code: 'DX_TONG_KHOA',
    nameVi: 'Tổng số khóa đào tạo hỗ trợ doanh nghiệp (tính từ các chỉ tiêu)',
    nameEn: 'All training courses for enterprises (derived)',
    measureUnit: 'count',
    formula: 'DX_KHOA_DT + KN_KHOA_DT',
    targets: [12, 27, 29, 29, 29],
  });
  await ind(units.skhcn, null, {
    code: 'KHCN_TY_LE_DU_AN',
    nameVi: 'Tỷ lệ dự án sản xuất thử nghiệm trong tổng số nhiệm vụ KH&CN (%)',
    nameEn: 'Share of pilot projects among S&T tasks (derived, %)',
    measureUnit: 'percent',
    formula: 'KHCN_DU_AN / (KHCN_DE_TAI + KHCN_DU_AN) * 100',
    targets: [50, 60, 60, 60, 60],
  });

  const task = (t: Omit<TaskInput, 'programId'>) =>
    programTasks.create(SYSTEM_ACTOR, { ...t, programId: program.id }, { isDemo: true });
  const b = (billions: number) => Math.round(billions * 1e9);
  const sme3457 = {
    planId: sme.id,
    legalBasis: 'QĐ 3457/QĐ-UBND',
    leadOrgUnitId: units.skhdt,
    delegatedOrgUnitId: ttht,
  };
  await task({
    ...sme3457,
    code: '3457-01',
    title: 'Xây dựng Sổ tay chuyển đổi số cho doanh nghiệp',
    deliverable: 'Sổ tay chuyển đổi số (bản in và bản điện tử)',
    deadline: '2023-06-30',
    budgetAllocatedVnd: b(0.6),
    budgetSpentVnd: b(0.58),
    status: 'completed',
    progressPercent: 100,
  });
  await task({
    ...sme3457,
    code: '3457-02',
    title: 'Truyền thông nâng cao nhận thức về chuyển đổi số cho doanh nghiệp',
    deliverable: 'Chuyên trang, ấn phẩm và chương trình truyền thông',
    deadline: '2025-12-31',
    budgetAllocatedVnd: b(1.2),
    budgetSpentVnd: b(0.9),
    status: 'in_progress',
    progressPercent: 75,
  });
  await task({
    ...sme3457,
    code: '3457-03',
    title: 'Tổ chức 23 khóa đào tạo khởi sự kinh doanh, quản trị doanh nghiệp và chuyển đổi số cho DNNVV',
    deliverable: '23 khóa đào tạo',
    deadline: '2025-06-30',
    budgetAllocatedVnd: b(2.3),
    budgetSpentVnd: b(1.6),
    status: 'in_progress',
    progressPercent: 70,
  });
  await task({
    ...sme3457,
    code: '3457-04',
    title: 'Đào tạo, huấn luyện trực tiếp tại 18 doanh nghiệp chế biến, chế tạo',
    deliverable: '18 doanh nghiệp được đào tạo trực tiếp',
    deadline: '2024-12-31',
    budgetAllocatedVnd: b(1.8),
    budgetSpentVnd: b(1.75),
    status: 'completed',
    progressPercent: 100,
  });
  await task({
    ...sme3457,
    code: '3457-05',
    title: 'Xây dựng 10 bài giảng trực tuyến về chuyển đổi số',
    deliverable: '10 bài giảng trực tuyến',
    deadline: '2024-06-30',
    budgetAllocatedVnd: b(0.5),
    budgetSpentVnd: b(0.5),
    status: 'completed',
    progressPercent: 100,
  });
  await task({
    ...sme3457,
    code: '3457-06',
    title:
      'Xây dựng phần mềm, nền tảng thu thập, phân tích, đánh giá mức độ chuyển đổi số của doanh nghiệp trên địa bàn Hà Nội',
    deliverable: 'Nền tảng đánh giá mức độ chuyển đổi số doanh nghiệp',
    deadline: '2025-12-31',
    budgetAllocatedVnd: b(3.5),
    budgetSpentVnd: b(2.1),
    status: 'in_progress',
    progressPercent: 60,
    coordinatingOrgUnitIds: [units.stttt],
  });
  const s4889 = { planId: startup.id, legalBasis: 'QĐ 4889/QĐ-UBND', leadOrgUnitId: units.skhdt };
  await task({
    ...s4889,
    code: '4889-01',
    title: 'Hỗ trợ 5 cơ quan truyền thông về hệ sinh thái khởi nghiệp đổi mới sáng tạo',
    deadline: '2022-12-31',
    budgetAllocatedVnd: b(0.8),
    budgetSpentVnd: b(0.8),
    status: 'completed',
    progressPercent: 100,
  });
  await task({
    ...s4889,
    code: '4889-02',
    title: 'Hỗ trợ chi phí thuê văn phòng cho 10 doanh nghiệp khởi nghiệp',
    deadline: '2022-12-31',
    budgetAllocatedVnd: b(1.5),
    budgetSpentVnd: b(1.45),
    status: 'completed',
    progressPercent: 100,
  });
  await task({
    ...s4889,
    code: '4889-03',
    title: 'Hỗ trợ chi phí sửa chữa, nâng cấp 2 cơ sở ươm tạo, không gian làm việc chung',
    deadline: '2022-12-31',
    budgetAllocatedVnd: b(1.2),
    budgetSpentVnd: b(1.2),
    status: 'completed',
    progressPercent: 100,
  });
  await task({
    ...s4889,
    code: '4889-04',
    title: 'Hỗ trợ 50% chi phí 4 khóa đào tạo cho 60 doanh nghiệp khởi nghiệp và 60 huấn luyện viên',
    deadline: '2022-12-31',
    budgetAllocatedVnd: b(0.9),
    budgetSpentVnd: b(0.88),
    status: 'completed',
    progressPercent: 100,
  });
  await task({
    ...s4889,
    code: '4889-05',
    title: 'Hỗ trợ 50% chi phí đào tạo tại Singapore cho 10 doanh nghiệp khởi nghiệp',
    deadline: '2023-06-30',
    budgetAllocatedVnd: b(0.5),
    budgetSpentVnd: b(0.5),
    status: 'completed',
    progressPercent: 100,
  });
  await task({
    ...s4889,
    code: '4889-06',
    title: 'Báo cáo đánh giá giữa kỳ hệ sinh thái khởi nghiệp đổi mới sáng tạo Hà Nội',
    deliverable: 'Báo cáo giữa kỳ',
    deadline: '2023-03-31',
    budgetAllocatedVnd: b(0.4),
    budgetSpentVnd: b(0.4),
    status: 'completed',
    progressPercent: 100,
  });
  await task({
    code: 'KHCN-01',
    title: 'Hỗ trợ thực hiện 6 đề tài nghiên cứu ứng dụng trong doanh nghiệp',
    legalBasis: 'Chương trình 07-CTr/TU',
    leadOrgUnitId: units.skhcn,
    deadline: '2025-12-31',
    budgetAllocatedVnd: b(6),
    budgetSpentVnd: b(4.2),
    status: 'in_progress',
    progressPercent: 70,
  });
  await task({
    code: 'KHCN-02',
    title: 'Hỗ trợ 10 dự án sản xuất thử nghiệm do doanh nghiệp chủ trì',
    legalBasis: 'Chương trình 07-CTr/TU',
    leadOrgUnitId: units.skhcn,
    deadline: '2025-12-31',
    budgetAllocatedVnd: b(9),
    budgetSpentVnd: b(5.5),
    status: 'in_progress',
    progressPercent: 55,
  });

  const secretariat = await actorOf(services, 'secretariat');
  const unitsOf = [units.skhdt, ttht, units.skhcn];
  const byUnit: Record<string, Ind[]> = {
    [units.skhdt]: [...skhdtInds, ...startupInds],
    [ttht]: smeInds,
    [units.skhcn]: skhcnInds,
  };

  // the 2022 figures, received on paper and approved: the article is the report
  const r2022 = await reportingRounds.createRound(
    SYSTEM_ACTOR,
    {
      programId: program.id,
      title: 'Báo cáo năm 2022',
      periodType: 'year',
      year: 2022,
      dueDate: '2023-01-15',
      orgUnitIds: unitsOf,
    },
    { isDemo: true },
  );
  const received: Record<string, string> = {
    [units.skhdt]: '2023-01-12',
    [ttht]: '2023-01-19',
    [units.skhcn]: '2023-01-14',
  };
  for (const unit of unitsOf) {
    const detail = await reportingRounds.detail(secretariat, r2022, unit);
    const values = detail.indicators.map((row) => {
      const src = byUnit[unit].find((i) => i.code === row.code);
      return { indicatorId: row.indicatorId, value: src?.reported2022 ?? null, comment: src?.comment2022 ?? null };
    });
    await reportingRounds.save(secretariat, r2022, unit, {
      values,
      narrative: 'Số liệu năm 2022 theo báo cáo của đơn vị (nguồn: bài báo về Chương trình 07).',
    });
    await reportingRounds.submit(secretariat, r2022, unit, { receivedOn: received[unit] });
    await reportingRounds.review(secretariat, r2022, unit, { decision: 'approve' });
  }
  // every report approved and the year long over: the secretariat closed the round
  await reportingRounds.setRoundStatus(secretariat, r2022, 'closed');

  // the open round: due three days ago; one unit on time, one late, the Center still missing
  const today = reportingRounds.today();
  const open = await reportingRounds.createRound(
    SYSTEM_ACTOR,
    {
      programId: program.id,
      title: 'Báo cáo năm 2025',
      periodType: 'year',
      year: 2025,
      dueDate: addDays(today, -3),
      orgUnitIds: unitsOf,
    },
    { isDemo: true },
  );
  for (const [unit, day, factor] of [
    [units.skhdt, -6, 1.1],
    [units.skhcn, -1, 1.2],
  ] as const) {
    const detail = await reportingRounds.detail(secretariat, open, unit);
    await reportingRounds.save(secretariat, open, unit, {
      narrative: 'Số liệu năm 2025 (demo).',
      values: detail.indicators.map((row) => ({
        indicatorId: row.indicatorId,
        value: Math.round((byUnit[unit].find((i) => i.code === row.code)?.reported2022 ?? 0) * factor),
        comment: '(demo)',
      })),
    });
    await reportingRounds.submit(secretariat, open, unit, { receivedOn: addDays(today, day) });
  }
  await reportingRounds.review(secretariat, open, units.skhdt, { decision: 'approve' });
  return { ttht, plans: { startup: startup.id, sme: sme.id }, rounds: { r2022, open } };
}
