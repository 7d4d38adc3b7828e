import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { indicator, indicatorInput, indicatorListQuery, indicatorPatch } from '../../../shared/contracts/indicators.js';
import {
  monitoringPlan,
  planInput,
  programFilterQuery,
  thresholds,
  thresholdsInput,
} from '../../../shared/contracts/monitoring.js';
import { idParams, pageOf } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import { assertMonitoringAccess } from './indicators.policy.js';
import type { IndicatorsService } from './indicators.service.js';

const tags = ['indicators'];

export const indicatorsRoutes =
  (svc: IndicatorsService): FastifyPluginAsyncZod =>
  async (app) => {
    // every route here needs a logged-in, non-enterprise user (encapsulated: applies to this plugin's routes only)
    app.addHook('preHandler', async (req) => {
      assertMonitoringAccess(requireActor(req));
    });

    app.get(
      '/api/indicators',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Indicators of programs, with responsible units and targets',
          querystring: indicatorListQuery,
          response: { 200: pageOf(indicator) },
        },
      },
      async (req) => {
        requireActor(req);
        return svc.list(req.query);
      },
    );

    app.get(
      '/api/indicators/:id',
      {
        config: { audience: 'staff' },
        schema: { tags, summary: 'One indicator', params: idParams, response: { 200: indicator } },
      },
      async (req, reply) => {
        requireActor(req);
        const i = await svc.get(req.params.id);
        etag(reply, i.version);
        return i;
      },
    );

    app.post(
      '/api/indicators',
      {
        config: { audience: 'staff', idempotent: true },
        schema: {
          tags,
          summary: 'Create an indicator with its responsible units and targets (secretariat)',
          body: indicatorInput,
          response: { 201: indicator },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );

    app.patch(
      '/api/indicators/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Change an indicator; units and targets are replaced when given',
          params: idParams,
          body: indicatorPatch,
          response: { 200: indicator },
        },
      },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const i = await svc.update(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, i.version);
        return i;
      },
    );

    app.get(
      '/api/monitoring-plans',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Plans and schemes under programs',
          querystring: programFilterQuery,
          response: { 200: z.array(monitoringPlan) },
        },
      },
      async (req) => {
        requireActor(req);
        return svc.plans(req.query.programId);
      },
    );

    app.post(
      '/api/monitoring-plans',
      {
        config: { audience: 'staff', idempotent: true },
        schema: {
          tags,
          summary: 'Create a plan or scheme under a program (secretariat)',
          body: planInput,
          response: { 201: monitoringPlan },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.createPlan(requireActor(req), req.body)),
    );

    app.put(
      '/api/programs/:id/monitoring-thresholds',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Default traffic-light thresholds of a program (percent of target)',
          params: idParams,
          body: thresholdsInput,
          response: { 200: thresholds },
        },
      },
      async (req) => svc.setThresholds(requireActor(req), req.params.id, req.body),
    );
  };
