import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '../../modules/dx-analytics/generate/generate.js';
import { loadGeo } from '../../modules/dx-analytics/generate/geo.js';
import type { Services } from '../../services.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';

/**
 * Synthetic Hanoi enterprises with DBI-SME assessments for 2023–2025, so every analytics chart has content.
 * They go through the same generator and bulk import as real files (validation, scoring, rollup), marked as
 * demo data. Tax codes start 0999…, apart from the generator's default 01… range.
 */
export async function seedDemoDxAnalytics(services: Services, enterprises = services.dxImports.demoEnterprises) {
  if (!enterprises) return { enterprises: 0, assessments: 0 };
  const { definition: framework } = await services.dxFrameworks.version(SYSTEM_ACTOR, 'DBI-SME');
  const dir = await mkdtemp(path.join(tmpdir(), 'steerboard-demo-dx-'));
  try {
    const files = { e: path.join(dir, 'enterprises.csv'), a: path.join(dir, 'assessments.csv') };
    const res = await generate(
      {
        enterprises,
        assessments: Math.round(enterprises * 2.4),
        years: [2023, 2024, 2025],
        seed: 2025,
        framework,
        geo: await loadGeo(),
        taxPrefix: '999',
      },
      createWriteStream(files.e),
      createWriteStream(files.a),
    );
    await services.dxImports.importFile(
      'enterprises',
      { actor: SYSTEM_ACTOR, filePath: files.e, fileName: 'demo-enterprises.csv', batchSize: 1000 },
      { isDemo: true },
    );
    await services.dxImports.importFile('assessments', {
      actor: SYSTEM_ACTOR,
      filePath: files.a,
      fileName: 'demo-assessments.csv',
      batchSize: 1000,
    });
    return res;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
