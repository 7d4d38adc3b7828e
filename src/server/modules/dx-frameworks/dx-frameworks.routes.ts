import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  diffQuery,
  frameworkCodeParams,
  frameworkDiff,
  frameworkDefinitionJson,
  frameworkSummary,
  frameworkVersionParams,
  frameworkVersionResult,
  scoreRequest,
  scoreSnapshot,
} from '../../../shared/contracts/dx-frameworks.js';
import { requireActor } from '../../http/context.js';
import type { DxFrameworksService } from './dx-frameworks.service.js';

const tags = ['dx-frameworks'];
const definitionJson = frameworkDefinitionJson;
const versionResult = frameworkVersionResult;

export const dxFrameworksRoutes =
  (svc: DxFrameworksService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/dx/frameworks',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Assessment frameworks and their versions (drafts for the secretariat)',
          response: { 200: z.array(frameworkSummary) },
        },
      },
      async (req) => svc.list(requireActor(req)),
    );

    app.get(
      '/api/dx/frameworks/:code',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'The newest published version, in the JSON export format',
          params: frameworkCodeParams,
          response: { 200: definitionJson },
        },
      },
      async (req) => (await svc.version(requireActor(req), req.params.code)).definition,
    );

    app.get(
      '/api/dx/frameworks/:code/versions/:version',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Export any version as JSON (drafts: secretariat)',
          params: frameworkVersionParams,
          response: { 200: definitionJson },
        },
      },
      async (req, reply) => {
        const v = await svc.version(requireActor(req), req.params.code, req.params.version);
        return reply
          .header('content-disposition', `attachment; filename="${v.frameworkCode}-v${v.version}.json"`)
          .send(v.definition);
      },
    );

    app.post(
      '/api/dx/frameworks/:code/score',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'What-if: score answers against the published (or a given) version without saving',
          params: frameworkCodeParams,
          body: scoreRequest,
          response: { 200: scoreSnapshot },
        },
      },
      async (req) => svc.score(requireActor(req), req.params.code, req.body.answers, req.body.version),
    );

    app.post(
      '/api/dx/frameworks/import',
      {
        config: { audience: ['staff', 'enterprise'], idempotent: true },
        schema: {
          tags,
          summary: 'Import a framework version from JSON as a draft (admin); errors name JSON paths',
          body: definitionJson,
          response: { 201: versionResult },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.importDraft(requireActor(req), req.body)),
    );

    app.post(
      '/api/dx/frameworks/:code/versions/:version/publish',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Publish a draft (admin): it is frozen from then on',
          params: frameworkVersionParams,
          response: { 200: versionResult },
        },
      },
      async (req) => svc.publish(requireActor(req), req.params.code, req.params.version),
    );

    app.get(
      '/api/dx/frameworks/:code/diff',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Added, removed and changed nodes, questions, options and scores between two versions',
          params: frameworkCodeParams,
          querystring: diffQuery,
          response: { 200: frameworkDiff },
        },
      },
      async (req) => svc.diff(requireActor(req), req.params.code, req.query.from, req.query.to),
    );
  };
