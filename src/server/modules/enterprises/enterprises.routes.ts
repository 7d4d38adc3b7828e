import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import { route } from '../../http/route.js';
import type { EnterprisesService } from './enterprises.service.js';

const tags = ['enterprises'];

export const enterprisesRoutes =
  (svc: EnterprisesService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/enterprises',
      {
        tags,
        summary:
          'Search the enterprise registry (secretariat, viewer); filter by sector, size class, commune or commune resolution',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.list(requireActor(req), req.query),
    );

    route(
      app,
      'POST /api/enterprises',
      {
        tags,
        summary: 'Register an enterprise; the size class (Decree 80/2021, Art. 5) is computed and explained',
        config: { audience: ['staff', 'enterprise'], idempotent: true },
      },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );

    route(
      app,
      'GET /api/enterprises/me',
      { tags, summary: 'The enterprise an enterprise account acts for', config: { audience: ['staff', 'enterprise'] } },
      async (req) => svc.mine(requireActor(req)),
    );

    route(
      app,
      'GET /api/enterprises/accounts',
      {
        tags,
        summary:
          'Accounts with role enterprise, matching q on username or name, each with the enterprise it acts for (secretariat)',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.accounts(requireActor(req), req.query),
    );

    route(
      app,
      'GET /api/enterprises/{taxCode}',
      { tags, summary: 'One enterprise by tax code', config: { audience: ['staff', 'enterprise'] } },
      async (req, reply) => {
        const e = await svc.get(requireActor(req), req.params.taxCode);
        etag(reply, e.version);
        return e;
      },
    );

    route(
      app,
      'PATCH /api/enterprises/{taxCode}',
      {
        tags,
        summary: 'Change an enterprise (secretariat, or the enterprise itself)',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const e = await svc.update(requireActor(req), req.params.taxCode, patch, expectedVersion(req, version));
        etag(reply, e.version);
        return e;
      },
    );

    route(
      app,
      'POST /api/enterprises/{taxCode}/resolve-commune',
      {
        tags,
        summary: 'Choose the 2025 commune of an enterprise recorded under a split commune (one of its successors)',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.resolveRecordedCommune(requireActor(req), req.params.taxCode, req.body.communeCode),
    );

    route(
      app,
      'GET /api/enterprises/{taxCode}/accounts',
      {
        tags,
        summary: 'The accounts acting for this enterprise (secretariat)',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.accounts(requireActor(req), { ...req.query, taxCode: req.params.taxCode }),
    );

    route(
      app,
      'PUT /api/enterprises/{taxCode}/accounts/{userId}',
      {
        tags,
        summary: 'Let an account with role enterprise act for this enterprise (secretariat)',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => {
        const actor = requireActor(req);
        await svc.linkUser(actor, req.params.userId, req.params.taxCode);
        return svc.get(actor, req.params.taxCode);
      },
    );

    route(
      app,
      'DELETE /api/enterprises/{taxCode}/accounts/{userId}',
      {
        tags,
        summary: 'Stop an account acting for this enterprise (secretariat)',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => {
        const actor = requireActor(req);
        await svc.unlinkUser(actor, req.params.userId, req.params.taxCode);
        return svc.get(actor, req.params.taxCode);
      },
    );

    route(
      app,
      'GET /api/vsic-codes',
      {
        tags,
        summary: 'VSIC codes (default VSIC 2018: sections and divisions)',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => {
        requireActor(req);
        return svc.listVsic(req.query.version, req.query.level);
      },
    );
  };
