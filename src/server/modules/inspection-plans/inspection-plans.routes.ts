import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import { route } from '../../http/route.js';
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
    route(
      app,
      'GET /api/inspection-plans',
      {
        tags,
        summary: 'Search plans by code and title (ignores diacritics), with team and inspection counts',
        config: { audience: 'staff' },
      },
      async (req) => plans.list(req.query),
    );

    route(
      app,
      'GET /api/inspection-plans/{id}',
      {
        tags,
        summary: 'A plan with its content areas, teams, targets and objectivity warnings',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const plan = await plans.get(req.params.id, requireActor(req));
        etag(reply, plan.version);
        return plan;
      },
    );

    route(
      app,
      'POST /api/inspection-plans',
      {
        tags,
        summary: 'Create a plan with its ordered content areas',
        config: { audience: 'staff', idempotent: true },
      },
      async (req, reply) => reply.status(201).send(await plans.create(requireActor(req), req.body)),
    );

    route(
      app,
      'PATCH /api/inspection-plans/{id}',
      {
        tags,
        summary: 'Change a plan; contentAreas is the whole ordered list (existing areas keep their id)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const plan = await plans.update(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, plan.version);
        return plan;
      },
    );

    for (const ext of ['docx', 'xlsx'] as const) {
      route(
        app,
        `GET /api/inspection-plans/{id}/export.${ext}`,
        { tags, summary: `The plan's teams and targets as ${ext.toUpperCase()}`, config: { audience: 'staff' } },
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

    route(
      app,
      'POST /api/inspection-plans/{id}/teams',
      {
        tags,
        summary: 'Add a team (exactly one head, each person once)',
        config: { audience: 'staff', idempotent: true },
      },
      async (req, reply) => reply.status(201).send(await teams.createTeam(requireActor(req), req.params.id, req.body)),
    );

    route(
      app,
      'PATCH /api/inspection-teams/{id}',
      { tags, summary: 'Rename a team or replace its members', config: { audience: 'staff' } },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const team = await teams.updateTeam(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, team.version);
        return team;
      },
    );

    route(
      app,
      'DELETE /api/inspection-teams/{id}',
      { tags, summary: 'Delete a team and its inspections, while all are planned', config: { audience: 'staff' } },
      async (req) => {
        await teams.deleteTeam(requireActor(req), req.params.id);
        return { ok: true as const };
      },
    );

    route(
      app,
      'POST /api/inspection-teams/{id}/targets',
      {
        tags,
        summary: 'Add a target unit with its window (a planned inspection)',
        config: { audience: 'staff', idempotent: true },
      },
      async (req, reply) => reply.status(201).send(await teams.addTarget(requireActor(req), req.params.id, req.body)),
    );

    route(
      app,
      'PATCH /api/inspection-teams/{teamId}/targets/{inspectionId}',
      { tags, summary: 'Move a target’s window (while planned or notified)', config: { audience: 'staff' } },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const { teamId, inspectionId } = req.params;
        const target = await teams.updateTarget(
          requireActor(req),
          teamId,
          inspectionId,
          patch,
          expectedVersion(req, version),
        );
        etag(reply, target.version);
        return target;
      },
    );

    route(
      app,
      'DELETE /api/inspection-teams/{teamId}/targets/{inspectionId}',
      { tags, summary: 'Remove a target (while planned)', config: { audience: 'staff' } },
      async (req) => {
        await teams.deleteTarget(requireActor(req), req.params.teamId, req.params.inspectionId);
        return { ok: true as const };
      },
    );
  };
