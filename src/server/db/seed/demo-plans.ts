import type { Services } from '../../services.js';
import type { DemoFoundation } from './demo-foundation.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';

const PROGRAM_TITLE =
  'Đẩy mạnh phát triển khoa học, công nghệ và đổi mới sáng tạo trên địa bàn thành phố Hà Nội giai đoạn 2021-2025';

// §4 of the article, in our own words
const REQUIREMENTS =
  'Việc kiểm tra phải nghiêm túc, đúng quy định, khách quan, toàn diện và bám sát kế hoạch; ' +
  'không làm ảnh hưởng đến hoạt động bình thường của cơ quan, đơn vị được kiểm tra. ' +
  'Mỗi cuộc kiểm tra kết thúc bằng kết luận kiểm tra, nêu rõ ưu điểm, tồn tại, hạn chế (nếu có) và nguyên nhân, ' +
  'biện pháp khắc phục, cùng các kiến nghị, đề xuất, làm cơ sở để tiếp tục lãnh đạo, chỉ đạo thực hiện Chương trình số 07-CTr/TU.';

// §3 of the article, in our own words and its order
const CONTENT_AREAS = [
  {
    title: 'Công tác tuyên truyền, quán triệt và triển khai Chương trình số 07-CTr/TU',
    description:
      'Việc phổ biến Chương trình tới cán bộ, đảng viên, người lao động và cách cơ quan, đơn vị tổ chức triển khai.',
  },
  {
    title: 'Xây dựng và thực hiện kế hoạch, chuyên đề, đề án cụ thể hóa Chương trình',
    description:
      'Các kế hoạch, chuyên đề, đề án đưa Chương trình vào thực tế của từng địa phương, đơn vị, và kết quả thực hiện.',
  },
  { title: 'Khó khăn, vướng mắc trong quá trình thực hiện', description: null },
  {
    title: 'Kiến nghị, đề xuất để phát triển khoa học, công nghệ và đổi mới sáng tạo của Thành phố',
    description: null,
  },
  {
    title: 'Lãnh đạo, chỉ đạo, tổ chức thực hiện và vai trò, trách nhiệm của người đứng đầu',
    description:
      'Kết quả lãnh đạo, chỉ đạo, tổ chức thực hiện của cấp ủy, chính quyền, thủ trưởng cơ quan, đơn vị; vai trò, trách nhiệm của người đứng đầu.',
  },
];

/**
 * The article's Program 07, Plan 15-KH/BCĐ, its two teams and six targets. The issue date and the
 * windows are invented for the demo; Phạm Thu Hà (Sở TT&TT) on the team that inspects Sở TT&TT is the
 * objectivity warning the article's rule is about.
 */
export async function seedDemoPlans(services: Services, { units, people: p }: DemoFoundation) {
  const { programs, inspectionPlans, inspectionTeams } = services;
  const program = await programs.create(SYSTEM_ACTOR, {
    code: '07-CTr/TU',
    title: PROGRAM_TITLE,
    issuerOrgUnitId: units.tu,
    steeringCommitteeOrgUnitId: units.bcd,
    periodStart: 2021,
    periodEnd: 2025,
  });
  await programs.setCommittee(
    SYSTEM_ACTOR,
    program.id,
    {
      members: [
        { personId: p.phong, role: 'head' },
        { personId: p.son, role: 'standingDeputyHead' },
        { personId: p.toan, role: 'member' },
        ...[p.skhcn, p.stttt, p.stc, p.skhdt, p.snv, p.team2a, p.team2b].map((personId) => ({
          personId,
          role: 'member' as const,
        })),
      ],
    },
    program.version,
  );

  const plan = await inspectionPlans.create(SYSTEM_ACTOR, {
    programId: program.id,
    code: '15-KH/BCĐ',
    title: 'Kế hoạch kiểm tra việc thực hiện Chương trình số 07-CTr/TU của Thành ủy',
    year: 2023,
    issueDate: '2023-03-15',
    requirements: REQUIREMENTS,
    contentAreas: CONTENT_AREAS,
  });

  const team1 = await inspectionTeams.createTeam(SYSTEM_ACTOR, plan.id, {
    number: 1,
    name: 'Đoàn kiểm tra số 1',
    members: [
      { personId: p.phong, role: 'head', representedOrgUnitId: units.tu },
      { personId: p.toan, role: 'deputyHead', representedOrgUnitId: units.btg },
      { personId: p.skhcn, role: 'member', representedOrgUnitId: units.skhcn },
      { personId: p.stttt, role: 'member', representedOrgUnitId: units.stttt },
      { personId: p.stc, role: 'member', representedOrgUnitId: units.stc },
      { personId: p.skhdt, role: 'member', representedOrgUnitId: units.skhdt },
      { personId: p.snv, role: 'member', representedOrgUnitId: units.snv },
      { personId: p.secretary, role: 'secretary', representedOrgUnitId: units.btg },
    ],
  });
  const team2 = await inspectionTeams.createTeam(SYSTEM_ACTOR, plan.id, {
    number: 2,
    name: 'Đoàn kiểm tra số 2',
    members: [
      { personId: p.son, role: 'head', representedOrgUnitId: units.ubnd },
      { personId: p.team2a, role: 'member', representedOrgUnitId: units.bcd },
      { personId: p.team2b, role: 'member', representedOrgUnitId: units.bcd },
    ],
  });

  const target = async (teamId: string, targetOrgUnitId: string, windowStart: string, windowEnd: string) =>
    (await inspectionTeams.addTarget(SYSTEM_ACTOR, teamId, { targetOrgUnitId, windowStart, windowEnd })).inspectionId;
  const inspections = {
    stttt: await target(team1.id, units.stttt, '2023-06-05', '2023-06-09'),
    dongDa: await target(team1.id, units.qDongDa, '2023-06-19', '2023-06-23'),
    dongAnh: await target(team1.id, units.hDongAnh, '2023-07-03', '2023-07-07'),
    skhdt: await target(team2.id, units.skhdt, '2023-06-12', '2023-06-16'),
    sct: await target(team2.id, units.sct, '2023-06-26', '2023-06-30'),
    syt: await target(team2.id, units.syt, '2023-07-10', '2023-07-14'),
  };
  return {
    programId: program.id,
    planId: plan.id,
    contentAreaIds: plan.contentAreas.map((a) => a.id),
    team1Id: team1.id,
    team2Id: team2.id,
    inspections,
  };
}
export type DemoPlans = Awaited<ReturnType<typeof seedDemoPlans>>;
