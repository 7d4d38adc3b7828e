/**
 * Verification codes of issued documents: 12 characters of Crockford base32 (no I, L, O, U: nothing to misread
 * on paper), 60 random bits, printed in groups as XXXX-XXXX-XXXX.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 12;

/** From 12 random bytes (each taken mod 32: 256 is a multiple of 32, so every character is equally likely). */
export function verificationCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < VERIFICATION_CODE_LENGTH) throw new Error('need 12 random bytes');
  return Array.from(bytes.subarray(0, VERIFICATION_CODE_LENGTH), (b) => CROCKFORD[b % 32]).join('');
}

export const formatVerificationCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

/**
 * What a person typed (any case, dashes or spaces, O for 0, I or L for 1, as Crockford allows) as the stored code,
 * or null when it cannot be one.
 */
export function normalizeVerificationCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === VERIFICATION_CODE_LENGTH && [...code].every((c) => CROCKFORD.includes(c)) ? code : null;
}

/** What an issued document with a verification code can be (the registry's `kind`). */
export const verificationKinds = ['conclusion', 'roundSummary', 'dxReport'] as const;
export type VerificationKind = (typeof verificationKinds)[number];
