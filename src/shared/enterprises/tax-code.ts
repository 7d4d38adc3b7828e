/** Weights of the Vietnamese tax-code check digit (d1…d9). */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export type TaxCodeCheck =
  { valid: true; base: string; branch: string | null } | { valid: false; reason: 'format' | 'check_digit' };

/**
 * A tax code is 10 digits, or 10 digits + "-" + 3 digits for a branch. The tenth digit is
 * 10 − (Σ wᵢ·dᵢ mod 11); a result of 10 is never issued, so such codes are invalid.
 */
export function checkTaxCode(input: string): TaxCodeCheck {
  const m = /^(\d{10})(?:-(\d{3}))?$/.exec(input);
  if (!m || m[2] === '000') return { valid: false, reason: 'format' };
  const digits = [...m[1]].map(Number);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * digits[i], 0);
  const check = 10 - (sum % 11);
  if (check === 10 || check !== digits[9]) return { valid: false, reason: 'check_digit' };
  return { valid: true, base: m[1], branch: m[2] ?? null };
}

/** Completes nine digits with their check digit; null when no valid code starts with them. */
export function withCheckDigit(nine: string): string | null {
  if (!/^\d{9}$/.test(nine)) return null;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(nine[i]), 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : `${nine}${check}`;
}
