import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { attachmentDisposition } from './disposition.js';
import type { FilesService } from './files.service.js';

export const filesRoutes =
  (svc: FilesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/attachments/:id',
      {
        config: { audience: 'staff' },
        schema: { tags: ['files'], summary: 'Download an evidence file (its stored bytes and type)', params: idParams },
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
