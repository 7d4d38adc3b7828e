import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ImportJob } from '../../../shared/contracts/dx-analytics.js';
import { requireActor } from '../../http/context.js';
import { invalid, notFound } from '../../http/errors.js';
import { route } from '../../http/route.js';
import { csvDocument } from '../../lib/csv-export.js';
import { dxAnalyticsPolicy } from './dx-analytics.policy.js';
import { assertZipWithin, openUpload, uploadError } from '../files/files.service.js';
import { IMPORT_ZIP_LIMITS } from './import/rows.js';
import type { ImportService } from './import/import.service.js';

const tags = ['dx-imports'];
// picks the contract's fields out of the job row (which holds more)
const toJob = (j: ImportJob & Record<string, unknown>): ImportJob => ({
  id: j.id,
  kind: j.kind,
  fileName: j.fileName,
  status: j.status,
  rowsDone: j.rowsDone,
  rowsOk: j.rowsOk,
  rowsFailed: j.rowsFailed,
  totalRows: j.totalRows,
  failure: j.failure,
  failureReason: j.failureReason,
  takeovers: j.takeovers,
  createdAt: j.createdAt,
  finishedAt: j.finishedAt,
});

export const dxImportsRoutes =
  (svc: ImportService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'POST /api/dx/imports',
      {
        tags,
        summary:
          'Upload a CSV or XLSX of enterprises or assessments (admin; multipart field "file"); the import runs in the background',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        dxAnalyticsPolicy.assertCanImport(actor);
        const { part, fileName } = await openUpload(req, 'import.csv');
        if (!/\.(csv|xlsx)$/i.test(fileName)) throw invalid([{ field: 'file', reason: 'FILE_CSV_XLSX' }]);
        // streamed to disk: the import reads it back as a stream, so memory stays flat
        const tmp = path.join(
          tmpdir(),
          `steerboard-import-${randomBytes(8).toString('hex')}${path.extname(fileName).toLowerCase()}`,
        );
        try {
          await pipeline(part.file, createWriteStream(tmp));
        } catch (err) {
          await rm(tmp, { force: true });
          throw uploadError(err);
        }
        if (part.file.truncated) {
          await rm(tmp, { force: true });
          throw invalid([{ field: 'file', reason: 'FILE_TOO_LARGE_TO_UPLOAD' }]);
        }
        if (/\.xlsx$/i.test(fileName)) {
          // a zip bomb is refused now (413), not discovered by the background job
          await assertZipWithin(tmp, IMPORT_ZIP_LIMITS).catch(async (err: unknown) => {
            await rm(tmp, { force: true });
            throw err;
          });
        }
        const job = await svc.start(req.query.kind, { filePath: tmp, fileName, actor }, () => rm(tmp, { force: true }));
        return reply.status(202).send(toJob(job));
      },
    );

    route(
      app,
      'GET /api/dx/imports',
      { tags, summary: 'Recent import jobs (admin)', config: { audience: 'staff' } },
      async (req) => {
        dxAnalyticsPolicy.assertCanImport(requireActor(req));
        return (await svc.listJobs()).map(toJob);
      },
    );

    route(
      app,
      'GET /api/dx/imports/{id}',
      { tags, summary: 'One import job, for the progress bar (admin)', config: { audience: 'staff' } },
      async (req) => {
        dxAnalyticsPolicy.assertCanImport(requireActor(req));
        const job = await svc.getJob(req.params.id);
        if (!job) throw notFound('importJob', req.params.id);
        return toJob(job);
      },
    );

    route(
      app,
      'GET /api/dx/imports/{id}/errors.csv',
      {
        tags,
        summary:
          'The error report of an import: row, column, reason in Vietnamese and in English (CSV, UTF-8 with BOM)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        dxAnalyticsPolicy.assertCanImport(requireActor(req));
        const job = await svc.getJob(req.params.id);
        if (!job) throw notFound('importJob', req.params.id);
        const body = csvDocument(await svc.errorReport(job.id));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="import-errors-${job.id.slice(0, 8)}.csv"`)
          .send(body);
      },
    );
  };
