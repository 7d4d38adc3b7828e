import i18n from 'i18next';

/**
 * Display formats: dates dd/mm/yyyy in Hanoi time (in both languages: the documents the officials work from use
 * them), numbers in the UI language's convention — `1.234,5` in Vietnamese, `1,234.5` in English. Every number the
 * UI prints goes through `formatNumber`, so a page never mixes the two (issue 15: analytics printed "4,800" in the
 * Vietnamese UI and monitoring "91,7%" in the English one).
 */

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

export type NumberLanguage = 'vi' | 'en';

/** The language i18next resolved for the UI; Vietnamese until it has (and in code outside the app). */
export const uiLanguage = (): NumberLanguage => (i18n.resolvedLanguage === 'en' ? 'en' : 'vi');

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * `1234567.5` → `1.234.567,5` (Vietnamese UI) or `1,234,567.5` (English UI), with at most `fractionDigits` decimals
 * (exactly that many with `fixed`). Empty for null.
 */
export function formatNumber(
  value: NumberInput,
  fractionDigits = 0,
  { language = uiLanguage(), fixed = false }: { language?: NumberLanguage; fixed?: boolean } = {},
): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'bigint' ? value : Number(value);
  if (typeof n === 'number' && !Number.isFinite(n)) return String(value);
  const key = `${language}:${fractionDigits}:${fixed}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', {
      maximumFractionDigits: fractionDigits,
      minimumFractionDigits: fixed ? fractionDigits : 0,
    });
    numberFormats.set(key, format);
  }
  // avoid printing "-0"
  return format.format(n === 0 ? 0 : n);
}

/** `91.66` → `91,7%` (Vietnamese) or `91.7%` (English). Empty for null. */
export function formatPercent(value: NumberInput, fractionDigits = 1, language = uiLanguage()): string {
  const text = formatNumber(value, fractionDigits, { language });
  return text === '' ? '' : `${text}%`;
}

/** `15000000000` → `15.000.000.000 ₫` / `15,000,000,000 ₫` (a no-break space before ₫; VND has no minor unit). */
export function formatVnd(value: NumberInput, language = uiLanguage()): string {
  const text = formatNumber(typeof value === 'number' ? Math.round(value) : value, 0, { language });
  return text === '' ? '' : `${text}\u00a0₫`;
}
