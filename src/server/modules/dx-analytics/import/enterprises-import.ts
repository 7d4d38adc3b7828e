import { z } from 'zod';
import { computeSizeClass } from '../../../../shared/enterprises/size-class.js';
import { checkTaxCode } from '../../../../shared/enterprises/tax-code.js';
import { foldText } from '../../../../shared/text.js';
import type { DbOrTx } from '../../../db/client.js';
import type { BulkRepo, EnterpriseRow } from './bulk.repo.js';
import type { CommuneResolution } from './communes.js';
import type { ImportError } from './import.repo.js';
import type { ImportHandler } from './import.service.js';
import type { SourceRow } from './rows.js';

export const enterpriseColumns = ['taxCode', 'name', 'address', 'communeCode', 'sectorCode', 'industryCode', 'employees', 'revenueVnd', 'capitalVnd'] as const;

const integerText = (max: number) => z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(0).max(max));
/** The API's enterprise fields, read from text cells. */
const enterpriseRow = z.strictObject({
  taxCode: z.string().max(14),
  name: z.string().trim().min(1, 'must not be empty').max(300),
  address: z.string().max(500).optional().transform((v) => v || null),
  communeCode: z.string().min(1, 'must not be empty').max(40),
  sectorCode: z.string().regex(/^[A-U]$/, 'must be a VSIC 2018 section letter A–U'),
  industryCode: z.string().regex(/^(\d{2,5})?$/, 'must be a 2–5 digit VSIC code').optional().transform((v) => v || null),
  employees: integerText(10_000_000),
  revenueVnd: integerText(9e15),
  capitalVnd: integerText(9e15),
});

export function validateEnterprise(values: Record<string, string>, resolve: (code: string) => CommuneResolution, row: number):
  { ok: true; value: EnterpriseRow } | { ok: false; errors: ImportError[] } {
  const picked = Object.fromEntries(enterpriseColumns.filter((c) => values[c] !== undefined).map((c) => [c, values[c]]));
  const parsed = enterpriseRow.safeParse(picked);
  const errors: ImportError[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ row, field: String(i.path[0] ?? ''), reason: i.message }));
  const tax = checkTaxCode(values.taxCode ?? '');
  if (!tax.valid) errors.push({ row, field: 'taxCode', reason: tax.reason === 'format' ? 'must be 10 digits or 10 digits-3 digits' : 'check digit does not match' });
  const commune = resolve(values.communeCode ?? '');
  if (!commune.ok && values.communeCode) errors.push({ row, field: 'communeCode', reason: commune.reason });
  if (errors.length || !parsed.success || !commune.ok) return { ok: false, errors };
  const e = parsed.data;
  return {
    ok: true,
    value: {
      taxCode: e.taxCode, name: e.name, address: e.address, communeId: commune.communeId, currentCommuneId: commune.currentCommuneId,
      communeResolution: commune.resolution, vsicVersion: 'VSIC2018', sectorCode: e.sectorCode, industryCode: e.industryCode,
      employees: e.employees, revenueVnd: e.revenueVnd, capitalVnd: e.capitalVnd,
      sizeClass: computeSizeClass(e.sectorCode, e.employees, e.revenueVnd, e.capitalVnd).sizeClass,
      searchText: foldText(e.name, e.taxCode, e.address ?? ''),
    },
  };
}

export function enterprisesHandler({ bulk, resolve, isDemo = false }: { bulk: BulkRepo; resolve: (code: string) => CommuneResolution; isDemo?: boolean }): ImportHandler {
  return {
    kind: 'enterprises',
    requiredColumns: ['taxCode', 'name', 'communeCode', 'sectorCode', 'employees', 'revenueVnd', 'capitalVnd'],
    async processBatch(tx: DbOrTx, rows: SourceRow[]) {
      const errors: ImportError[] = [];
      // a tax code twice in one batch: the later row wins, as it would in two batches
      const good = new Map<string, EnterpriseRow>();
      for (const r of rows) {
        const v = validateEnterprise(r.values, resolve, r.row);
        if (v.ok) good.set(v.value.taxCode, { ...v.value, isDemo: isDemo ? 1 : 0 });
        else errors.push(...v.errors);
      }
      await bulk.upsertEnterprises(tx, [...good.values()]);
      return { ok: rows.length - new Set(errors.map((e) => e.row)).size, errors };
    },
  };
}
