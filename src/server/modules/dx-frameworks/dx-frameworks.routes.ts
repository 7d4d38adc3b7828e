import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import type { DxFrameworksService } from './dx-frameworks.service.js';

const tags = ['dx-frameworks'];

export const dxFrameworksRoutes =
  (svc: DxFrameworksService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/dx/frameworks',
      {
        tags,
        summary: 'Assessment frameworks and their versions (drafts for the secretariat)',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.list(requireActor(req)),
    );

    route(
      app,
      'GET /api/dx/frameworks/{code}',
      {
        tags,
        summary: 'The newest published version, in the JSON export format',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => (await svc.version(requireActor(req), req.params.code)).definition,
    );

    route(
      app,
      'GET /api/dx/frameworks/{code}/versions/{version}',
      {
        tags,
        summary: 'Export any version as JSON (drafts: secretariat)',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req, reply) => {
        const v = await svc.version(requireActor(req), req.params.code, req.params.version);
        return reply
          .header('content-disposition', `attachment; filename="${v.frameworkCode}-v${v.version}.json"`)
          .send(v.definition);
      },
    );

    route(
      app,
      'POST /api/dx/frameworks/{code}/score',
      {
        tags,
        summary: 'What-if: score answers against the published (or a given) version without saving',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.score(requireActor(req), req.params.code, req.body.answers, req.body.version),
    );

    route(
      app,
      'POST /api/dx/frameworks/import',
      {
        tags,
        summary: 'Import a framework version from JSON as a draft (admin); errors name JSON paths',
        config: { audience: ['staff', 'enterprise'], idempotent: true },
      },
      async (req, reply) => reply.status(201).send(await svc.importDraft(requireActor(req), req.body)),
    );

    route(
      app,
      'POST /api/dx/frameworks/{code}/versions/{version}/publish',
      {
        tags,
        summary: 'Publish a draft (admin): it is frozen from then on',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.publish(requireActor(req), req.params.code, req.params.version),
    );

    route(
      app,
      'GET /api/dx/frameworks/{code}/diff',
      {
        tags,
        summary: 'Added, removed and changed nodes, questions, options and scores between two versions',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.diff(requireActor(req), req.params.code, req.query.from, req.query.to),
    );
  };
