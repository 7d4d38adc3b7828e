import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import { attachmentDisposition } from './disposition.js';
import type { FilesService } from './files.service.js';

export const filesRoutes =
  (svc: FilesService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/attachments/{id}',
      {
        tags: ['files'],
        summary: 'Download an evidence file (its stored bytes and type)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const { attachment, data } = await svc.download(requireActor(req), req.params.id);
        return reply
          .header('content-type', attachment.mimeType)
          .header('content-disposition', attachmentDisposition(attachment.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-length', data.length)
          .send(data);
      },
    );
  };
