/** Display formats for Vietnamese officials: dates dd/mm/yyyy in Hanoi time, numbers and VND with vi-VN grouping. */

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

type DateInput = string | Date | null | undefined;
type NumberInput = number | string | bigint | null | undefined;

// explicit parts, so the output does not depend on the browser's locale data or time zone
const hanoiParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(hanoiParts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** `2025-03-01` or an ISO timestamp → `01/03/2025` (timestamps in Hanoi time). Empty for null. */
export function formatDate(value: DateInput): string {
  if (value === null || value === undefined || value === '') return '';
  const dateOnly = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
  if (dateOnly) return `${dateOnly[3]}/${dateOnly[2]}/${dateOnly[1]}`;
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : String(value);
}

/** ISO timestamp → `01/03/2025 14:05` in Hanoi time. A bare date has no time, so it prints as a date. */
export function formatDateTime(value: DateInput): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && DATE_ONLY.test(value)) return formatDate(value);
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : String(value);
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** `1234567.5` → `1.234.567,5` (vi-VN), with at most `fractionDigits` decimals. Empty for null. */
export function formatNumber(value: NumberInput, fractionDigits = 0): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'bigint' ? value : Number(value);
  if (typeof n === 'number' && !Number.isFinite(n)) return String(value);
  let format = numberFormats.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: fractionDigits });
    numberFormats.set(fractionDigits, format);
  }
  // avoid printing "-0"
  return format.format(n === 0 ? 0 : n);
}

/** `15000000000` → `15.000.000.000 ₫` (a no-break space before ₫; VND has no minor unit). */
export function formatVnd(value: NumberInput): string {
  const text = formatNumber(typeof value === 'number' ? Math.round(value) : value, 0);
  return text === '' ? '' : `${text}\u00a0₫`;
}
