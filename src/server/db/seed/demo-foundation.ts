import type { Services } from '../../services.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';

export const DEMO_PASSWORD = 'demo';

/** Org units, people and accounts of the demo. People not named in the source article are invented and flagged `isDemo`. */
export async function seedDemoFoundation(services: Services) {
  const { orgUnits, people, users } = services;
  const unitId = async (code: string) => {
    const { items } = await orgUnits.list({ q: code, limit: 5, offset: 0 });
    const hit = items.find((u) => u.code === code);
    if (!hit) throw new Error(`demo: org unit ${code} missing`);
    return hit.id;
  };
  const tu = await unitId('HN.TU');
  const ids = {
    tu,
    ubnd: await unitId('HN.UBND'),
    btg: await unitId('HN.TU.BTG'),
    skhcn: await unitId('HN.SKHCN'),
    stttt: await unitId('HN.STTTT'),
    stc: await unitId('HN.STC'),
    skhdt: await unitId('HN.SKHDT'),
    snv: await unitId('HN.SNV'),
    sct: await unitId('HN.SCT'),
    syt: await unitId('HN.SYT'),
  };
  const mkUnit = (
    code: string,
    name: string,
    kind: 'steering_committee' | 'district_party_committee',
    parentId: string,
    shortName: string,
  ) => orgUnits.create(SYSTEM_ACTOR, { code, name, kind, parentId, shortName });
  const bcd = await mkUnit('HN.TU.BCD07', 'Ban Chỉ đạo Chương trình 07-CTr/TU', 'steering_committee', tu, 'BCĐ 07');
  const qDongDa = await mkUnit('HN.TU.QU-DONGDA', 'Quận ủy Đống Đa', 'district_party_committee', tu, 'Quận ủy Đống Đa');
  const hDongAnh = await mkUnit(
    'HN.TU.HU-DONGANH',
    'Huyện ủy Đông Anh',
    'district_party_committee',
    tu,
    'Huyện ủy Đông Anh',
  );

  const person = async (fullName: string, positionTitle: string, orgUnitId: string, isDemo: boolean) =>
    (await people.create(SYSTEM_ACTOR, { fullName, positionTitle, orgUnitId, isDemo })).id;
  // named in the source article
  const phong = await person(
    'Nguyễn Văn Phong',
    'Phó Bí thư Thành ủy, Trưởng Ban Chỉ đạo Chương trình 07',
    ids.tu,
    false,
  );
  const toan = await person(
    'Nguyễn Doãn Toản',
    'Ủy viên Ban Thường vụ Thành ủy, Trưởng Ban Tuyên giáo Thành ủy',
    ids.btg,
    false,
  );
  const son = await person(
    'Lê Hồng Sơn',
    'Phó Chủ tịch Thường trực UBND Thành phố, Phó Trưởng ban Thường trực Ban Chỉ đạo',
    ids.ubnd,
    false,
  );
  // invented for the demo (the article names departments, not people)
  const members = {
    skhcn: await person('Trần Minh Hải', 'Phó Giám đốc Sở Khoa học và Công nghệ (demo)', ids.skhcn, true),
    stttt: await person('Phạm Thu Hà', 'Phó Giám đốc Sở Thông tin và Truyền thông (demo)', ids.stttt, true),
    stc: await person('Đỗ Văn Bình', 'Phó Giám đốc Sở Tài chính (demo)', ids.stc, true),
    skhdt: await person('Vũ Thị Lan', 'Phó Giám đốc Sở Kế hoạch và Đầu tư (demo)', ids.skhdt, true),
    snv: await person('Hoàng Quốc Việt', 'Phó Giám đốc Sở Nội vụ (demo)', ids.snv, true),
    secretary: await person('Nguyễn Thị Mai', 'Chuyên viên Ban Tuyên giáo Thành ủy (demo)', ids.btg, true),
    team2a: await person(
      'Lương Đức Anh',
      'Ủy viên Ban Chỉ đạo, Phó Giám đốc Sở Khoa học và Công nghệ (demo)',
      ids.skhcn,
      true,
    ),
    team2b: await person(
      'Đặng Thu Trang',
      'Ủy viên Ban Chỉ đạo, Phó Chánh Văn phòng UBND Thành phố (demo)',
      ids.ubnd,
      true,
    ),
    secretariat: await person('Bùi Thanh Tùng', 'Chuyên viên Thường trực Ban Chỉ đạo (demo)', bcd, true),
    unitStttt: await person('Lê Văn Khánh', 'Chánh Văn phòng Sở Thông tin và Truyền thông (demo)', ids.stttt, true),
  };

  const account = (
    username: string,
    displayName: string,
    role: 'admin' | 'secretariat' | 'inspector' | 'unit' | 'viewer',
    extra: { orgUnitId?: string; personId?: string } = {},
  ) =>
    users.create(SYSTEM_ACTOR, {
      username,
      displayName,
      role,
      password: DEMO_PASSWORD,
      orgUnitId: extra.orgUnitId ?? null,
      personId: extra.personId ?? null,
    });
  await account('admin', 'Quản trị hệ thống', 'admin');
  await account('secretariat', 'Bùi Thanh Tùng (Thường trực BCĐ)', 'secretariat', {
    orgUnitId: bcd,
    personId: members.secretariat,
  });
  await account('team1', 'Nguyễn Thị Mai (Thư ký Đoàn 1)', 'inspector', { personId: members.secretary });
  await account('team2', 'Lương Đức Anh (Đoàn 2)', 'inspector', { personId: members.team2a });
  await account('unit-stttt', 'Sở Thông tin và Truyền thông', 'unit', {
    orgUnitId: ids.stttt,
    personId: members.unitStttt,
  });
  await account('viewer', 'Người xem', 'viewer');

  return { units: { ...ids, bcd, qDongDa, hDongAnh }, people: { phong, toan, son, ...members } };
}
export type DemoFoundation = Awaited<ReturnType<typeof seedDemoFoundation>>;
