import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
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

    route(
      app,
      'GET /api/monitoring/dashboard',
      {
        tags,
        summary: 'Program dashboard: indicators target vs actual with trend, tasks, budget, timeliness, reminders',
        config: { audience: 'staff' },
      },
      async (req) => svc.build(requireActor(req), req.query),
    );

    route(
      app,
      'GET /api/monitoring/dashboard.xlsx',
      {
        tags,
        summary: 'The dashboard tables as an Excel workbook (one table with `table`)',
        config: { audience: 'staff' },
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

    route(
      app,
      'GET /api/reporting-rounds/{id}/summary.docx',
      { tags, summary: 'DOCX summary of a round for the steering committee', config: { audience: 'staff' } },
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
