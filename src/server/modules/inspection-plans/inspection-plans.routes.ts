import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  planDetail,
  planInput,
  planListItem,
  planListQuery,
  planPatch,
  target,
  targetInput,
  targetParams,
  targetPatch,
  team,
  teamInput,
  teamPatch,
} from '../../../shared/contracts/inspection-plans.js';
import { idParams, okResponse, pageOf } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import { attachmentDisposition } from '../files/files.service.js';
import type { InspectionPlansService } from './inspection-plans.service.js';
import type { InspectionTeamsService } from './inspection-teams.service.js';

const tags = ['inspection-plans'];
const exportTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const inspectionPlansRoutes =
  (plans: InspectionPlansService, teams: InspectionTeamsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/inspection-plans',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Search plans by code and title (ignores diacritics), with team and inspection counts',
          querystring: planListQuery,
          response: { 200: pageOf(planListItem) },
        },
      },
      async (req) => plans.list(req.query),
    );

    app.get(
      '/api/inspection-plans/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'A plan with its content areas, teams, targets and objectivity warnings',
          params: idParams,
          response: { 200: planDetail },
        },
      },
      async (req, reply) => {
        const plan = await plans.get(req.params.id, requireActor(req));
        etag(reply, plan.version);
        return plan;
      },
    );

    app.post(
      '/api/inspection-plans',
      {
        config: { audience: 'staff', idempotent: true },
        schema: {
          tags,
          summary: 'Create a plan with its ordered content areas',
          body: planInput,
          response: { 201: planDetail },
        },
      },
      async (req, reply) => reply.status(201).send(await plans.create(requireActor(req), req.body)),
    );

    app.patch(
      '/api/inspection-plans/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Change a plan; contentAreas is the whole ordered list (existing areas keep their id)',
          params: idParams,
          body: planPatch,
          response: { 200: planDetail },
        },
      },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const plan = await plans.update(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, plan.version);
        return plan;
      },
    );

    for (const ext of ['docx', 'xlsx'] as const) {
      app.get(
        `/api/inspection-plans/:id/export.${ext}`,
        {
          config: { audience: 'staff' },
          schema: { tags, summary: `The plan's teams and targets as ${ext.toUpperCase()}`, params: idParams },
        },
        async (req, reply) => {
          const plan = await plans.get(req.params.id);
          const body = ext === 'docx' ? await plans.exportDocx(plan.id) : await plans.exportXlsx(plan.id);
          return reply
            .type(exportTypes[ext])
            .header('content-disposition', attachmentDisposition(`Kế hoạch ${plan.code.replaceAll('/', '-')}.${ext}`))
            .send(body);
        },
      );
    }

    app.post(
      '/api/inspection-plans/:id/teams',
      {
        config: { audience: 'staff', idempotent: true },
        schema: {
          tags,
          summary: 'Add a team (exactly one head, each person once)',
          params: idParams,
          body: teamInput,
          response: { 201: team },
        },
      },
      async (req, reply) => reply.status(201).send(await teams.createTeam(requireActor(req), req.params.id, req.body)),
    );

    app.patch(
      '/api/inspection-teams/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Rename a team or replace its members',
          params: idParams,
          body: teamPatch,
          response: { 200: team },
        },
      },
      async (req) => teams.updateTeam(requireActor(req), req.params.id, req.body),
    );

    app.delete(
      '/api/inspection-teams/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Delete a team and its inspections, while all are planned',
          params: idParams,
          response: { 200: okResponse },
        },
      },
      async (req) => {
        await teams.deleteTeam(requireActor(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/inspection-teams/:id/targets',
      {
        config: { audience: 'staff', idempotent: true },
        schema: {
          tags,
          summary: 'Add a target unit with its window (a planned inspection)',
          params: idParams,
          body: targetInput,
          response: { 201: target },
        },
      },
      async (req, reply) => reply.status(201).send(await teams.addTarget(requireActor(req), req.params.id, req.body)),
    );

    app.patch(
      '/api/inspection-teams/:teamId/targets/:inspectionId',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Move a target’s window (while planned or notified)',
          params: targetParams,
          body: targetPatch,
          response: { 200: target },
        },
      },
      async (req) => teams.updateTarget(requireActor(req), req.params.teamId, req.params.inspectionId, req.body),
    );

    app.delete(
      '/api/inspection-teams/:teamId/targets/:inspectionId',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Remove a target (while planned)',
          params: targetParams,
          response: { 200: okResponse },
        },
      },
      async (req) => {
        await teams.deleteTarget(requireActor(req), req.params.teamId, req.params.inspectionId);
        return { ok: true as const };
      },
    );
  };
