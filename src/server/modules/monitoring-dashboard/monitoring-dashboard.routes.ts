import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardExportQuery, dashboardQuery, monitoringDashboard } from '../../../shared/contracts/monitoring.js';
import { idParams } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { assertMonitoringAccess } from '../indicators/indicators.service.js';
import { attachmentDisposition } from '../files/files.service.js';
import type { MonitoringDashboardService } from './monitoring-dashboard.service.js';

const tags = ['monitoring'];

export const monitoringDashboardRoutes =
  (svc: MonitoringDashboardService): FastifyPluginAsyncZod =>
  async (app) => {
    // every route here needs a logged-in, non-enterprise user (encapsulated: applies to this plugin's routes only)
    app.addHook('preHandler', async (req) => {
      assertMonitoringAccess(requireActor(req));
    });

    app.get(
      '/api/monitoring/dashboard',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Program dashboard: indicators target vs actual with trend, tasks, budget, timeliness, reminders',
          querystring: dashboardQuery,
          response: { 200: monitoringDashboard },
        },
      },
      async (req) => svc.build(requireActor(req), req.query),
    );

    app.get(
      '/api/monitoring/dashboard.xlsx',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'The dashboard tables as an Excel workbook (one table with `table`)',
          querystring: dashboardExportQuery,
        },
      },
      async (req, reply) => {
        const { year, body } = await svc.exportXlsx(requireActor(req), req.query);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            attachmentDisposition(`Theo-doi-chuong-trinh-${req.query.table ?? 'tong-hop'}-${year}.xlsx`),
          )
          .send(body);
      },
    );

    app.get(
      '/api/reporting-rounds/:id/summary.docx',
      {
        config: { audience: 'staff' },
        schema: { tags, summary: 'DOCX summary of a round for the steering committee', params: idParams },
      },
      async (req, reply) => {
        const { round, body } = await svc.roundSummaryDocx(requireActor(req), req.params.id);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header(
            'content-disposition',
            attachmentDisposition(`Bao-cao-tong-hop-${round.period.replace('/', '-')}.docx`),
          )
          .send(body);
      },
    );
  };
