import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One log line per request, written when the answer has gone, with the request's method, URL and address beside its
 * status and time. Fastify's default writes two at info ("incoming request", then "request completed"): under load
 * the first doubled the cost of logging and said nothing the second does not. Every other log line (errors, not
 * found, closing) stays as Fastify writes it.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (this.isLogDisabled(request)) return;
    const fields = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }
}
