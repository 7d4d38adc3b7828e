import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestContext } from './test-app.js';

/**
 * A write the way a page makes it: read the record first (`read`: its GET; by default the write's own URL, less a
 * trailing `/committee` or `/updates`: a program's committee and a task's progress notes are versioned by their
 * record) and send the version read in `If-Match`. For tests about something else than versions; versions have their own tests
 * (http/record-versions-foundation.test.ts, http/lost-update.test.ts).
 */
export async function versionedWrite(
  ctx: Pick<TestContext, 'as'>,
  cookie: string,
  opts: InjectOptions & { url: string },
  read: { url?: string; cookie?: string } = {},
): Promise<LightMyRequestResponse> {
  const url = read.url ?? opts.url.replace(/\/(committee|updates)$/, '');
  const got = await ctx.as(read.cookie ?? cookie, { method: 'GET', url });
  if (got.statusCode !== 200) return ctx.as(cookie, opts);
  return ctx.as(cookie, {
    ...opts,
    headers: { ...opts.headers, 'if-match': `"${got.json<{ version: number }>().version}"` },
  });
}
