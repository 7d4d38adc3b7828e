import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  enterpriseAccount,
  enterpriseAccountQuery,
  enterpriseDetail,
  enterpriseInput,
  enterpriseItem,
  enterpriseListQuery,
  enterprisePatch,
  linkAccountParams,
  resolveCommuneInput,
  taxCodeParams,
  vsicCode,
  vsicListQuery,
} from '../../../shared/contracts/enterprises.js';
import { pageOf } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import type { EnterprisesService } from './enterprises.service.js';

const tags = ['enterprises'];

export const enterprisesRoutes =
  (svc: EnterprisesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/enterprises',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary:
            'Search the enterprise registry (secretariat, viewer); filter by sector, size class, commune or commune resolution',
          querystring: enterpriseListQuery,
          response: { 200: pageOf(enterpriseItem) },
        },
      },
      async (req) => svc.list(requireActor(req), req.query),
    );

    app.post(
      '/api/enterprises',
      {
        config: { audience: ['staff', 'enterprise'], idempotent: true },
        schema: {
          tags,
          summary: 'Register an enterprise; the size class (Decree 80/2021, Art. 5) is computed and explained',
          body: enterpriseInput,
          response: { 201: enterpriseDetail },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );

    app.get(
      '/api/enterprises/me',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: { tags, summary: 'The enterprise an enterprise account acts for', response: { 200: enterpriseDetail } },
      },
      async (req) => svc.mine(requireActor(req)),
    );

    app.get(
      '/api/enterprises/accounts',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary:
            'Accounts with role enterprise, matching q on username or name, each with the enterprise it acts for (secretariat)',
          querystring: enterpriseAccountQuery,
          response: { 200: z.array(enterpriseAccount) },
        },
      },
      async (req) => svc.accounts(requireActor(req), req.query),
    );

    app.get(
      '/api/enterprises/:taxCode',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'One enterprise by tax code',
          params: taxCodeParams,
          response: { 200: enterpriseDetail },
        },
      },
      async (req, reply) => {
        const e = await svc.get(requireActor(req), req.params.taxCode);
        etag(reply, e.version);
        return e;
      },
    );

    app.patch(
      '/api/enterprises/:taxCode',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Change an enterprise (secretariat, or the enterprise itself)',
          params: taxCodeParams,
          body: enterprisePatch,
          response: { 200: enterpriseDetail },
        },
      },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const e = await svc.update(requireActor(req), req.params.taxCode, patch, expectedVersion(req, version));
        etag(reply, e.version);
        return e;
      },
    );

    app.post(
      '/api/enterprises/:taxCode/resolve-commune',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Choose the 2025 commune of an enterprise recorded under a split commune (one of its successors)',
          params: taxCodeParams,
          body: resolveCommuneInput,
          response: { 200: enterpriseDetail },
        },
      },
      async (req) => svc.resolveRecordedCommune(requireActor(req), req.params.taxCode, req.body.communeCode),
    );

    app.get(
      '/api/enterprises/:taxCode/accounts',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'The accounts acting for this enterprise (secretariat)',
          params: taxCodeParams,
          querystring: enterpriseAccountQuery,
          response: { 200: z.array(enterpriseAccount) },
        },
      },
      async (req) => svc.accounts(requireActor(req), { ...req.query, taxCode: req.params.taxCode }),
    );

    app.put(
      '/api/enterprises/:taxCode/accounts/:userId',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Let an account with role enterprise act for this enterprise (secretariat)',
          params: linkAccountParams,
          response: { 200: enterpriseDetail },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await svc.linkUser(actor, req.params.userId, req.params.taxCode);
        return svc.get(actor, req.params.taxCode);
      },
    );

    app.delete(
      '/api/enterprises/:taxCode/accounts/:userId',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Stop an account acting for this enterprise (secretariat)',
          params: linkAccountParams,
          response: { 200: enterpriseDetail },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await svc.unlinkUser(actor, req.params.userId, req.params.taxCode);
        return svc.get(actor, req.params.taxCode);
      },
    );

    app.get(
      '/api/vsic-codes',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'VSIC codes (default VSIC 2018: sections and divisions)',
          querystring: vsicListQuery,
          response: { 200: z.array(vsicCode) },
        },
      },
      async (req) => {
        requireActor(req);
        return svc.listVsic(req.query.version, req.query.level);
      },
    );
  };
