import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  orgUnit,
  orgUnitDetail,
  orgUnitInput,
  orgUnitListQuery,
  orgUnitPatch,
} from '../../../shared/contracts/org-units.js';
import { idParams, pageOf } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import type { OrgUnitsService } from './org-units.service.js';

const tags = ['org-units'];

export const orgUnitsRoutes =
  (svc: OrgUnitsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/org-units',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Search org units (ignores diacritics)',
          querystring: orgUnitListQuery,
          response: { 200: pageOf(orgUnit) },
        },
      },
      async (req) => svc.list(req.query),
    );

    app.get(
      '/api/org-units/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'One org unit with its successors and predecessors',
          params: idParams,
          response: { 200: orgUnitDetail },
        },
      },
      async (req) => svc.get(req.params.id),
    );

    app.post(
      '/api/org-units',
      {
        config: { audience: 'staff', idempotent: true },
        schema: { tags, summary: 'Create an org unit', body: orgUnitInput, response: { 201: orgUnitDetail } },
      },
      async (req, reply) => {
        const id = await svc.create(requireActor(req), req.body);
        return reply.status(201).send(await svc.get(id));
      },
    );

    app.patch(
      '/api/org-units/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Change an org unit',
          params: idParams,
          body: orgUnitPatch,
          response: { 200: orgUnitDetail },
        },
      },
      async (req) => {
        await svc.update(requireActor(req), req.params.id, req.body);
        return svc.get(req.params.id);
      },
    );
  };
