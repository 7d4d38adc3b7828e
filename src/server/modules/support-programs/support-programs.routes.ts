import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { invalid } from '../../http/errors.js';
import { route } from '../../http/route.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import { assertZipWithin, openUpload, uploadError } from '../files/files.service.js';
import { IMPORT_ZIP_LIMITS } from '../dx-analytics/dx-analytics.service.js';
import { supportProgramsPolicy } from './support-programs.policy.js';
import type { SupportProgramsService } from './support-programs.service.js';

const tags = ['support-programs'];
const staff = { audience: 'staff' as const };
const both = { audience: ['staff', 'enterprise'] as ('staff' | 'enterprise')[] };

export const supportProgramsRoutes =
  (svc: SupportProgramsService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/support-programs',
      { tags, summary: 'DX support programs with their aggregates', config: staff },
      async (req) => svc.list(requireActor(req), req.query),
    );
    route(
      app,
      'POST /api/support-programs',
      { tags, summary: 'Create a support program (secretariat)', config: staff },
      async (req, reply) => {
        const p = await svc.create(requireActor(req), req.body);
        etag(reply, p.version);
        return reply.status(201).send(p);
      },
    );
    route(
      app,
      'GET /api/support-programs/{id}',
      {
        tags,
        summary: 'A support program: its record, aggregates and the most Decree 80 support its cohort implies',
        config: staff,
      },
      async (req, reply) => {
        const p = await svc.get(requireActor(req), req.params.id);
        etag(reply, p.version);
        return p;
      },
    );
    route(
      app,
      'PATCH /api/support-programs/{id}',
      { tags, summary: 'Change a support program (secretariat; names the version read)', config: staff },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const p = await svc.update(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, p.version);
        return p;
      },
    );
    route(
      app,
      'GET /api/support-programs/{id}/impact',
      {
        tags,
        summary:
          'Impact of support: enrolled firms against similar firms not enrolled (not a controlled experiment; small cells withheld)',
        config: staff,
      },
      async (req) => svc.impact(requireActor(req), req.params.id),
    );
    route(
      app,
      'POST /api/support-programs/{id}/enrolments',
      { tags, summary: 'Enrol a firm by tax code (secretariat)', config: staff },
      async (req, reply) => reply.status(201).send(await svc.enrol(requireActor(req), req.params.id, req.body)),
    );
    route(
      app,
      'POST /api/support-programs/{id}/enrolments/import',
      {
        tags,
        summary:
          'Enrol firms from a CSV or XLSX (columns taxCode, enrolledOn, note; multipart field "file"): all rows or none, errors per row',
        config: staff,
      },
      async (req) => {
        const actor = requireActor(req);
        supportProgramsPolicy.assertCanManage(actor);
        const { part, fileName } = await openUpload(req, 'enrolments.csv');
        if (!/\.(csv|xlsx)$/i.test(fileName)) throw invalid([{ field: 'file', reason: 'FILE_CSV_XLSX' }]);
        const tmp = path.join(
          tmpdir(),
          `steerboard-enrolments-${randomBytes(8).toString('hex')}${path.extname(fileName).toLowerCase()}`,
        );
        try {
          try {
            await pipeline(part.file, createWriteStream(tmp));
          } catch (err) {
            throw uploadError(err);
          }
          if (part.file.truncated) throw invalid([{ field: 'file', reason: 'FILE_TOO_LARGE_TO_UPLOAD' }]);
          if (/\.xlsx$/i.test(fileName)) await assertZipWithin(tmp, IMPORT_ZIP_LIMITS);
          return await svc.importEnrolments(actor, req.params.id, { path: tmp, name: fileName });
        } finally {
          await rm(tmp, { force: true });
        }
      },
    );
    route(
      app,
      'GET /api/support-enrolments',
      {
        tags,
        summary: 'Enrolments in support programs with the support given (an enterprise: its own)',
        config: both,
      },
      async (req) => svc.enrolments(requireActor(req), req.query),
    );
    route(
      app,
      'GET /api/support-enrolments/{id}',
      { tags, summary: 'An enrolment and the support given (an enterprise: its own)', config: both },
      async (req, reply) => {
        const e = await svc.enrolment(requireActor(req), req.params.id);
        etag(reply, e.version);
        return e;
      },
    );
    route(
      app,
      'PATCH /api/support-enrolments/{id}',
      { tags, summary: 'Change an enrolment’s date or note (secretariat; names the version read)', config: staff },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const e = await svc.updateEnrolment(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, e.version);
        return e;
      },
    );
    route(
      app,
      'POST /api/support-enrolments/{id}/support',
      { tags, summary: 'Record support given to an enrolled firm (kind, provider, amount, date)', config: staff },
      async (req, reply) => reply.status(201).send(await svc.addSupport(requireActor(req), req.params.id, req.body)),
    );
    route(
      app,
      'PATCH /api/support-given/{id}',
      { tags, summary: 'Change a record of support given (secretariat; names the version read)', config: staff },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const g = await svc.updateSupport(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, g.version);
        return g;
      },
    );
  };
