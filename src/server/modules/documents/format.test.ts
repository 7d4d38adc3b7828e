import { describe, expect, it } from 'vitest';
import { inspectionStatuses, teamRoles } from '../../../shared/domain.js';
import { labels } from '../../../shared/labels.js';
import {
  formatDateRangeVi,
  formatDateVi,
  inspectionStatusLabelVi,
  parseIsoDate,
  placeDateLine,
  teamRoleLabelVi,
  toRoman,
  upperCaseKeepingSymbols,
} from './format.js';

describe('formatDateVi', () => {
  it('pads day and month to two digits', () => {
    expect(formatDateVi('2024-02-05')).toBe('05/02/2024');
    expect(formatDateVi('2023-11-15')).toBe('15/11/2023');
    expect(formatDateVi('2024-12-31')).toBe('31/12/2024');
  });

  it('rejects what is not a calendar date', () => {
    expect(() => formatDateVi('2024-2-5')).toThrow(RangeError);
    expect(() => formatDateVi('2024-02-30')).toThrow(RangeError);
    expect(() => formatDateVi('2024-02-05T00:00:00Z')).toThrow(RangeError);
  });
});

describe('formatDateRangeVi', () => {
  it('joins two dates with an en dash', () => {
    expect(formatDateRangeVi('2024-03-04', '2024-03-08')).toBe('04/03/2024 – 08/03/2024');
  });
});

describe('parseIsoDate', () => {
  it('accepts a leap day', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('placeDateLine', () => {
  it('pads a single-digit day and the months January and February', () => {
    expect(placeDateLine('Hà Nội', '2024-02-05')).toBe('Hà Nội, ngày 05 tháng 02 năm 2024');
    expect(placeDateLine('Hà Nội', '2024-01-09')).toBe('Hà Nội, ngày 09 tháng 01 năm 2024');
  });

  it('leaves months from March on unpadded, as Decree 30 writes them', () => {
    expect(placeDateLine('Hà Nội', '2024-03-01')).toBe('Hà Nội, ngày 01 tháng 3 năm 2024');
    expect(placeDateLine('Hà Nội', '2023-11-15')).toBe('Hà Nội, ngày 15 tháng 11 năm 2023');
  });
});

describe('toRoman', () => {
  it('writes 1 to 10', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(toRoman)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
      'VIII',
      'IX',
      'X',
    ]);
  });

  it('writes larger numbers with subtractive pairs', () => {
    expect(toRoman(14)).toBe('XIV');
    expect(toRoman(49)).toBe('XLIX');
    expect(toRoman(1994)).toBe('MCMXCIV');
  });

  it('refuses numbers Roman numerals cannot write', () => {
    expect(() => toRoman(0)).toThrow(RangeError);
    expect(() => toRoman(-1)).toThrow(RangeError);
    expect(() => toRoman(1.5)).toThrow(RangeError);
  });
});

describe('upperCaseKeepingSymbols', () => {
  it('upper-cases Vietnamese words but keeps document symbols as written', () => {
    expect(upperCaseKeepingSymbols('Ban Chỉ đạo Chương trình 07-CTr/TU')).toBe('BAN CHỈ ĐẠO CHƯƠNG TRÌNH 07-CTr/TU');
    expect(upperCaseKeepingSymbols('T/M Đoàn kiểm tra')).toBe('T/M ĐOÀN KIỂM TRA');
  });
});

describe('labels', () => {
  it('names every team role in Vietnamese', () => {
    expect(teamRoleLabelVi('head')).toBe('Trưởng đoàn');
    expect(teamRoleLabelVi('deputyHead')).toBe('Phó Trưởng đoàn');
    expect(teamRoleLabelVi('member')).toBe('Thành viên');
    expect(teamRoleLabelVi('secretary')).toBe('Thư ký');
  });

  it('shows an unknown inspection status as given', () => {
    expect(inspectionStatusLabelVi('in_progress')).toBe('Đang kiểm tra');
    expect(inspectionStatusLabelVi('archived')).toBe('archived');
  });
});

describe('document labels come from the shared labels the screens use', () => {
  it('every inspection status and team role', () => {
    for (const s of inspectionStatuses) expect(inspectionStatusLabelVi(s)).toBe(labels.vi.inspectionStatus[s]);
    for (const r of teamRoles) expect(teamRoleLabelVi(r)).toBe(labels.vi.teamRole[r]);
  });
});
