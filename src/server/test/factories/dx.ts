import { randomInt } from 'node:crypto';
import { assessmentStartInput } from '../../../shared/contracts/dx-assessments.js';
import type { EnterpriseInput } from '../../../shared/contracts/enterprises.js';
import { withCheckDigit } from '../../../shared/enterprises/tax-code.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';
import type { Services } from '../../services.js';
import type { foundationFactories } from './foundation.js';

/**
 * A fresh valid tax code: nine random digits and their check digit (`shared/enterprises/tax-code.ts`); about 1 in 11
 * prefixes has no valid check digit and is drawn again.
 */
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

/** Enterprises, their accounts, framework versions (the shipped ones) and assessments, through the services. */
export function dxFactories(services: Services, base: ReturnType<typeof foundationFactories>) {
  const f = {
    enterprise: (o: Partial<EnterpriseInput> = {}) => services.enterprises.create(SYSTEM_ACTOR, enterpriseInputFor(o)),
    /** An `enterprise` account linked to the enterprise of `taxCode`. */
    async enterpriseUser(taxCode: string) {
      const user = await base.user('enterprise');
      await services.enterprises.linkUser(SYSTEM_ACTOR, user.id, taxCode);
      return user;
    },
    /** The newest published version of a shipped framework (DBI-SME by default; the start-up publishes them). */
    frameworkVersion: (code = 'DBI-SME') => services.dxFrameworks.version(SYSTEM_ACTOR, code),
    /** A draft assessment of a fresh enterprise (or of `taxCode`) for `year` (2025) on the newest DBI-SME version. */
    async assessment(
      o: { taxCode?: string; year?: number; frameworkCode?: string; applicabilityOverride?: string } = {},
    ) {
      const taxCode = o.taxCode ?? (await f.enterprise()).taxCode;
      return services.dxAssessments.start(
        SYSTEM_ACTOR,
        assessmentStartInput.parse({
          taxCode,
          year: o.year ?? 2025,
          frameworkCode: o.frameworkCode,
          applicabilityOverride: o.applicabilityOverride,
        }),
      );
    },
  };
  return f;
}
