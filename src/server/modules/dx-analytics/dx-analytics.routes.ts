import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import type { DxAnalyticsService } from './dx-analytics.service.js';
import { dxAnalyticsPolicy } from './dx-analytics.policy.js';
import { breakdownTable, exportFileStem, exportParameters, toCsv, toXlsx, withParameters } from './export.js';

const tags = ['dx-analytics'];
const geojsonPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../db/reference/hanoi-communes-2025.geojson',
);

export const dxAnalyticsRoutes =
  (svc: DxAnalyticsService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/dx/analytics/options',
      {
        tags,
        summary: 'Framework versions, years, communes, districts and sectors to filter analytics by',
        config: { audience: 'staff' },
      },
      async (req) => svc.options(requireActor(req)),
    );

    route(
      app,
      'GET /api/dx/analytics/breakdown',
      {
        tags,
        summary:
          'Level distribution and mean scores grouped by commune, district, sector, size class and/or year; small cells suppressed',
        config: { audience: 'staff' },
      },
      async (req) => svc.breakdown(requireActor(req), req.query),
    );

    route(
      app,
      'GET /api/dx/analytics/movers',
      {
        tags,
        summary: 'Communes or sectors whose mean total or level changed most between two years',
        config: { audience: 'staff' },
      },
      async (req) => svc.movers(requireActor(req), req.query),
    );

    route(
      app,
      'GET /api/dx/analytics/change',
      {
        tags,
        summary:
          'Change since the previous assessment (mean change of total and of level, share of firms that moved up) over firms with an earlier assessment in the same framework generation, by commune, district, sector, size class or support program; small cells suppressed',
        config: { audience: 'staff' },
      },
      async (req) => svc.change(requireActor(req), req.query),
    );

    route(
      app,
      'GET /api/dx/analytics/export',
      {
        tags,
        summary:
          'A breakdown as XLSX or CSV (UTF-8 with BOM), suppressed cells written "<5"; the filters applied in the ' +
          'file name and inside (XLSX: a sheet "Tham số"; CSV: "Tham số,Giá trị" lines, an empty line, the table)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const { format, ...q } = req.query;
        const result = await svc.breakdown(requireActor(req), q);
        const table = breakdownTable(result);
        const params = exportParameters(q, result, await svc.filterNames(q), new Date());
        const name = exportFileStem(q, result);
        if (format === 'csv') {
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(toCsv(withParameters(params, table)));
        }
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await toXlsx(table, 'DX', params));
      },
    );

    let geojson: Buffer | null = null;
    route(
      app,
      'GET /api/dx/analytics/communes.geojson',
      {
        tags,
        summary: 'Boundaries of the 126 communes from 2025-07-01 (indicative; attribution in the reference README)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        dxAnalyticsPolicy.assertCanRead(requireActor(req));
        geojson ??= await readFile(geojsonPath);
        return reply
          .header('content-type', 'application/geo+json')
          .header('cache-control', 'private, max-age=86400')
          .send(geojson);
      },
    );
  };
