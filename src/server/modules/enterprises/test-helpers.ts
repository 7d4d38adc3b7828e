import { randomInt } from 'node:crypto';
import type { EnterpriseInput } from '../../../shared/contracts/enterprises.js';
import { withCheckDigit } from '../../../shared/enterprises/tax-code.js';

/** A fresh valid tax code (random nine digits + check digit; retries the ~1 in 11 with no valid digit). */
export function newTaxCode(): string {
  for (;;) {
    const code = withCheckDigit(String(randomInt(100_000_000, 999_999_999)));
    if (code) return code;
  }
}

/** A valid registration: a small trading firm in Phường Ba Đình unless overridden. */
export const enterpriseInputFor = (o: Partial<EnterpriseInput> = {}): EnterpriseInput => ({
  taxCode: newTaxCode(),
  name: `Công ty TNHH Thử ${randomInt(1e9)}`,
  communeCode: 'HN.00004',
  sectorCode: 'G',
  employees: 12,
  revenueVnd: 5_000_000_000,
  capitalVnd: 2_000_000_000,
  ...o,
});
