import type { TeamRole } from '../../../shared/domain.js';
import { labels, labelVi } from '../../../shared/labels.js';

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Dates are calendar dates ('YYYY-MM-DD'), never instants: reading them through `Date` would shift them by time zone. */
export function parseIsoDate(iso: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): "${iso}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`No such calendar date: "${iso}"`);
  }
  return { year, month, day };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** '2024-02-05' → '05/02/2024', the numeric form used in tables and citations. */
export function formatDateVi(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** An inspection window, '04/03/2024 – 08/03/2024', with the en dash Vietnamese typesetting uses for ranges. */
export function formatDateRangeVi(startIso: string, endIso: string): string {
  return `${formatDateVi(startIso)} – ${formatDateVi(endIso)}`;
}

/**
 * The place-and-date line of an administrative document. Decree 30/2020/NĐ-CP (Appendix I) pads
 * days below 10 and the months January and February with a leading zero — and only those, so that
 * "tháng 1" can never be mistaken for the start of "tháng 10"–"tháng 12": "ngày 05 tháng 02", "ngày 15 tháng 3".
 */
export function placeDateLine(place: string, iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  const monthText = month < 3 ? pad2(month) : String(month);
  return `${place}, ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/**
 * Upper-cases a heading but leaves document symbols such as "07-CTr/TU" or "T/M" as written:
 * their lower-case letters are part of the symbol (Guidance 36-HD/VPTW), so any word holding a digit or "/" is kept.
 */
export function upperCaseKeepingSymbols(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => (/[\d/]/.test(word) ? word : word.toUpperCase()))
    .join('');
}

const romanDigits: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Section numbers of administrative documents are Roman numerals (I, II, …). */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`Cannot write ${n} in Roman numerals`);
  let rest = n;
  let out = '';
  for (const [value, digits] of romanDigits) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

export function teamRoleLabelVi(role: TeamRole): string {
  return labels.vi.teamRole[role];
}

/** Exports take the status as free text; an unknown one is shown as given rather than dropped. */
export function inspectionStatusLabelVi(status: string): string {
  return labelVi('inspectionStatus', status);
}
