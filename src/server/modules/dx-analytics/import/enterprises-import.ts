import { enterpriseInput, VSIC_VERSION } from '../../../../shared/contracts/enterprises.js';
import { computeSizeClass } from '../../../../shared/enterprises/size-class.js';
import { foldText } from '../../../../shared/text.js';
import type { DbOrTx } from '../../../db/client.js';
import type { EnterpriseImportRow as EnterpriseRow } from '../../enterprises/enterprises.service.js';
import type { EnterprisesService } from '../../enterprises/enterprises.service.js';
import type { CommuneResolution } from './communes.js';
import { schemaRowIssue, toRowIssue } from '../../../http/errors.js';
import type { ImportError } from './import.repo.js';
import type { ImportHandler } from './import.service.js';
import { rowValues, type SourceRow } from './rows.js';

export const enterpriseColumns = [
  'taxCode',
  'name',
  'address',
  'communeCode',
  'sectorCode',
  'industryCode',
  'employees',
  'revenueVnd',
  'capitalVnd',
] as const;

/** Text cells → the API's input shape; what is not a whole number is passed on as text so the schema names it. */
function toInput(values: Record<string, string>): Record<string, unknown> {
  const num = (v: string | undefined) => (v !== undefined && /^\d{1,16}$/.test(v) ? Number(v) : v);
  const opt = (v: string | undefined) => (v === undefined || v === '' ? null : v);
  return {
    taxCode: values.taxCode ?? '',
    name: values.name ?? '',
    communeCode: values.communeCode ?? '',
    sectorCode: values.sectorCode ?? '',
    industryCode: opt(values.industryCode),
    address: opt(values.address),
    employees: num(values.employees),
    revenueVnd: num(values.revenueVnd),
    capitalVnd: num(values.capitalVnd),
  };
}

/**
 * The API's rules, row by row: the shared `enterpriseInput` schema (tax code check digit, commune code,
 * section, amounts), the industry code's section, the commune resolved through the crosswalk, size class.
 */
export function validateEnterprise(
  values: Record<string, string>,
  resolve: (code: string) => CommuneResolution,
  row: number,
  divisionSection: (division: string) => string | undefined = () => undefined,
): { ok: true; value: EnterpriseRow } | { ok: false; errors: ImportError[] } {
  const parsed = enterpriseInput.safeParse(toInput(values));
  const seen = new Set<string>();
  const errors: ImportError[] = parsed.success
    ? []
    : parsed.error.issues
        .map((i) => schemaRowIssue(row, String(i.path[0] ?? ''), i))
        .filter((x) => !seen.has(x.field) && seen.add(x.field));
  const commune = seen.has('communeCode') ? null : resolve(values.communeCode ?? '');
  if (commune && !commune.ok) errors.push(toRowIssue(row, { field: 'communeCode', reason: commune.reason }));
  if (!parsed.success || !commune) return { ok: false, errors };
  const e = parsed.data;
  if (e.industryCode) {
    const section = divisionSection(e.industryCode.slice(0, 2));
    if (!section) errors.push(toRowIssue(row, { field: 'industryCode', reason: 'IMPORT_NO_VSIC_DIVISION' }));
    else if (section !== e.sectorCode)
      errors.push(
        toRowIssue(row, {
          field: 'industryCode',
          reason: 'IMPORT_VSIC_SECTION',
          params: { section, sector: e.sectorCode },
        }),
      );
  }
  if (errors.length || !commune.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      taxCode: e.taxCode,
      name: e.name,
      address: e.address ?? null,
      communeId: commune.communeId,
      currentCommuneId: commune.currentCommuneId,
      communeResolution: commune.resolution,
      vsicVersion: VSIC_VERSION,
      sectorCode: e.sectorCode,
      industryCode: e.industryCode ?? null,
      employees: e.employees,
      revenueVnd: e.revenueVnd,
      capitalVnd: e.capitalVnd,
      sizeClass: computeSizeClass(e.sectorCode, e.employees, e.revenueVnd, e.capitalVnd).sizeClass,
      searchText: foldText(e.name, e.taxCode, e.address ?? ''),
    },
  };
}

export function enterprisesHandler({
  enterprises,
  resolve,
  divisionSection,
  isDemo = false,
}: {
  enterprises: EnterprisesService;
  resolve: (code: string) => CommuneResolution;
  divisionSection: (division: string) => string | undefined;
  isDemo?: boolean;
}): ImportHandler<{ rows: EnterpriseRow[]; errors: ImportError[]; count: number }> {
  return {
    kind: 'enterprises',
    requiredColumns: ['taxCode', 'name', 'communeCode', 'sectorCode', 'employees', 'revenueVnd', 'capitalVnd'],
    async prepare(rows: SourceRow[]) {
      const errors: ImportError[] = [];
      // a tax code twice in one batch: the later row wins, as it would in two batches
      const good = new Map<string, EnterpriseRow>();
      for (const r of rows) {
        const v = validateEnterprise(rowValues(r), resolve, r.row, divisionSection);
        if (v.ok) good.set(v.value.taxCode, { ...v.value, isDemo: isDemo ? 1 : 0 });
        else errors.push(...v.errors);
      }
      return { rows: [...good.values()], errors, count: rows.length };
    },
    async write(tx: DbOrTx, batch) {
      await enterprises.upsertImported(tx, batch.rows);
      return { ok: batch.count - new Set(batch.errors.map((e) => e.row)).size, errors: batch.errors };
    },
  };
}
