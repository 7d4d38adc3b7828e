import type { FindingInput } from '../../../shared/contracts/findings.js';
import type { Rating } from '../../../shared/domain.js';
import type { Actor } from '../../http/context.js';
import type { Services } from '../../services.js';
import type { DemoFoundation } from './demo-foundation.js';
import type { DemoPlans } from './demo-plans.js';

/** Ratings and notes of the five content areas at Sở TT&TT (invented for the demo). */
const STTTT_ASSESSMENTS: [Rating, string][] = [
  [
    'good',
    'Sở đã tổ chức hội nghị quán triệt Chương trình cho toàn thể cán bộ, công chức; nội dung Chương trình được đăng tải trên cổng thông tin của Sở.',
  ],
  [
    'fair',
    'Sở ban hành kế hoạch thực hiện và 02 đề án chuyên đề về chuyển đổi số; một số nhiệm vụ chưa có lộ trình, kinh phí cụ thể.',
  ],
  ['average', 'Nguồn nhân lực công nghệ thông tin còn thiếu; hạ tầng kết nối của một số xã, phường chưa đồng bộ.'],
  ['fair', 'Sở có 03 kiến nghị về cơ chế đặt hàng nhiệm vụ khoa học, công nghệ và chia sẻ dữ liệu dùng chung.'],
  ['good', 'Người đứng đầu trực tiếp chỉ đạo, định kỳ hằng quý nghe báo cáo tiến độ thực hiện Chương trình.'],
];

/**
 * The inspections of the demo: Sở TT&TT carried to an issued conclusion (01-KL/ĐKT of 20/07/2023), Quận ủy Đống Đa in
 * progress with two areas assessed, Huyện ủy Đông Anh notified, the rest planned. Findings are invented, illustrative text.
 */
export async function seedDemoInspections(services: Services, foundation: DemoFoundation, plans: DemoPlans) {
  const actorOf = async (username: string): Promise<Actor> => {
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
  };
  const secretariat = await actorOf('secretariat');
  const team1 = await actorOf('team1');
  const unit = await actorOf('unit-stttt');
  const { inspections } = services;
  const { units } = foundation;
  const [a1, a2, a3, a4, a5] = plans.contentAreaIds;
  const { stttt, dongDa, dongAnh } = plans.inspections;

  for (const to of ['notified', 'in_progress'] as const) await inspections.transition(team1, stttt, to);
  for (const [i, [rating, notes]] of STTTT_ASSESSMENTS.entries()) {
    // 0: each area's first assessment (a fresh demo database)
    await inspections.saveAssessment(team1, stttt, plans.contentAreaIds[i], { rating, notes }, 0);
  }
  const findings: FindingInput[] = [
    {
      contentAreaId: a1,
      kind: 'strength',
      text: 'Công tác tuyên truyền, quán triệt Chương trình được triển khai kịp thời, đến 100% chi bộ trực thuộc.',
    },
    {
      contentAreaId: a2,
      kind: 'strength',
      text: 'Đưa vào vận hành nền tảng dữ liệu dùng chung, kết nối với 12 sở, ngành của Thành phố.',
    },
    {
      contentAreaId: a2,
      kind: 'shortcoming',
      text: 'Tỷ lệ dịch vụ công trực tuyến toàn trình phát sinh hồ sơ còn thấp so với chỉ tiêu của Chương trình.',
    },
    {
      contentAreaId: a5,
      kind: 'shortcoming',
      text: 'Việc sơ kết, đánh giá định kỳ kết quả thực hiện các đề án chuyên đề chưa đầy đủ.',
    },
    {
      contentAreaId: a3,
      kind: 'cause',
      causeType: 'objective',
      text: 'Hạ tầng kết nối và thiết bị của một số xã, phường chưa đồng bộ; nguồn kinh phí bố trí chậm.',
    },
    {
      contentAreaId: a5,
      kind: 'cause',
      causeType: 'subjective',
      text: 'Công tác đôn đốc, kiểm tra của một số phòng chuyên môn chưa thường xuyên.',
    },
    {
      contentAreaId: a2,
      kind: 'remedy',
      text: 'Rà soát, nâng cấp các dịch vụ công trực tuyến toàn trình có tỷ lệ hồ sơ thấp.',
      addresseeOrgUnitId: units.stttt,
      dueDate: '2024-03-31',
    },
    {
      contentAreaId: a5,
      kind: 'remedy',
      text: 'Xây dựng quy chế sơ kết định kỳ 6 tháng việc thực hiện các đề án chuyên đề.',
      addresseeOrgUnitId: units.stttt,
      dueDate: '2027-06-30',
    },
    {
      contentAreaId: a4,
      kind: 'recommendation',
      text: 'Bố trí kinh phí đầu tư đồng bộ hạ tầng số cho cấp xã, phường.',
      addresseeOrgUnitId: units.ubnd,
      dueDate: '2024-12-31',
    },
    {
      contentAreaId: a4,
      kind: 'recommendation',
      text: 'Hướng dẫn cơ chế đặt hàng nhiệm vụ khoa học, công nghệ phục vụ chuyển đổi số.',
      addresseeOrgUnitId: units.skhcn,
      dueDate: '2024-09-30',
    },
  ];
  for (const f of findings) await inspections.createFinding(team1, stttt, f);
  await inspections.transition(secretariat, stttt, 'drafting');
  await inspections.respond(unit, stttt, {
    text: 'Sở Thông tin và Truyền thông thống nhất với dự thảo kết luận; đề nghị Đoàn ghi nhận thêm kết quả kết nối dữ liệu với các quận, huyện.',
  });
  const conclusion = await inspections.issue(secretariat, stttt, {
    issuedDate: '2023-07-20',
    signerName: 'Nguyễn Văn Phong',
    signerTitle: 'Trưởng đoàn',
    summary: 'Các phát hiện trong kết luận này là nội dung minh họa của dữ liệu mẫu (demo).',
    // the demo's inspection of 2023 is started in the system on the day the demo is loaded, after this date
    reason: 'Cuộc kiểm tra năm 2023 được nhập vào hệ thống từ hồ sơ giấy (dữ liệu mẫu)',
    recipients: [
      'Thường trực Thành ủy (để báo cáo)',
      'Ban Chỉ đạo Chương trình 07-CTr/TU',
      'Sở Thông tin và Truyền thông',
      'Lưu hồ sơ Đoàn kiểm tra',
    ],
  });

  for (const to of ['notified', 'in_progress'] as const) await inspections.transition(team1, dongDa, to);
  await inspections.saveAssessment(
    team1,
    dongDa,
    a1,
    {
      rating: 'good',
      notes: 'Quận ủy đã ban hành kế hoạch quán triệt và tổ chức hội nghị cho các chi, đảng bộ trực thuộc.',
    },
    0,
  );
  await inspections.saveAssessment(
    team1,
    dongDa,
    a2,
    {
      rating: 'fair',
      notes: 'Đã có chương trình hành động; còn thiếu chỉ tiêu định lượng cho từng năm.',
    },
    0,
  );
  await inspections.transition(team1, dongAnh, 'notified');

  return { conclusionId: conclusion.id, conclusionNumber: conclusion.number };
}
