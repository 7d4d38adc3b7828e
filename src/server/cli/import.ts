import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildApp } from '../app.js';
import { prepareDatabase } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { openDb } from '../db/client.js';
import { systemClock } from '../lib/clock.js';
import { csvDocument } from '../lib/csv-export.js';
import { intArg, parseArgs } from './args.js';
import { SYSTEM_ACTOR } from '../http/authorize.js';
import { DEFAULT_BATCH_SIZE } from '../modules/dx-analytics/import/import.service.js';

/**
 * npm run import -- enterprises FILE [--batch 5000] [--progress lines]
 * npm run import -- assessments FILE [--batch 5000] [--progress lines]
 * CSV or XLSX. Uses DATABASE_URL, or the PGlite directory DATA_DIR (stop the server first: PGlite allows one
 * process). A killed run is resumed by running the same command again. Bad rows go to FILE.errors.csv.
 */
async function main() {
  const a = parseArgs(process.argv.slice(2));
  const [kind, file] = a._;
  if ((kind !== 'enterprises' && kind !== 'assessments') || !file) {
    throw new Error('usage: npm run import -- enterprises|assessments FILE [--batch N] [--progress lines]');
  }
  if (a.progress !== undefined && a.progress !== 'lines') throw new Error('--progress must be "lines"');
  // `lines`: one line per batch, written only once that batch has committed, for scripts and the kill test to follow
  const lines = a.progress === 'lines';
  const config = { ...loadConfig(), loadDemo: false };
  const handle = await openDb({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { services } = await buildApp({ db: handle.db, dbKind: handle.kind, config, clock: systemClock });
    await prepareDatabase(handle, config, services);
    const started = Date.now();
    let last = 0;
    const job = await services.dxImports.importFile(kind, {
      actor: SYSTEM_ACTOR,
      filePath: file,
      fileName: path.basename(file),
      batchSize: intArg(a.batch, 'batch', DEFAULT_BATCH_SIZE),
      onStart: ({ jobId, resumedBatches, batchSize }) => {
        // a resumed job keeps the batch size it started with, so batch k means the same rows as before
        if (resumedBatches)
          process.stderr.write(
            `resuming job ${jobId}: ${resumedBatches} batches of ${batchSize} rows already committed are skipped\n`,
          );
      },
      onProgress: ({ rowsDone, batchNo }) => {
        if (lines) return void process.stderr.write(`batch ${batchNo} committed, ${rowsDone} rows read\n`);
        if (Date.now() - last < 1000) return;
        last = Date.now();
        process.stderr.write(`\r${rowsDone} rows, ${Math.round(rowsDone / ((Date.now() - started) / 1000))} rows/s   `);
      },
    });
    if (!lines) process.stderr.write('\n');
    const report = await services.dxImports.errorReport(job.id);
    const hasErrors = report.length > 1; // the header alone: nothing to report
    // with a byte-order mark, as the admin's download: Excel then opens the Vietnamese reasons correctly
    if (hasErrors) await writeFile(`${file}.errors.csv`, csvDocument(report));
    console.log(
      `${kind}: ${job.rowsOk} rows imported, ${job.rowsFailed} rejected${hasErrors ? ` (see ${file}.errors.csv)` : ''}, ${((Date.now() - started) / 1000).toFixed(1)} s, job ${job.id}`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
