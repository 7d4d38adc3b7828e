import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import type { TestContext } from '../../test/test-app.js';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A multipart/form-data body with one file part. */
export function multipart(fileName: string, data: Buffer, field = 'file'): Pick<InjectOptions, 'headers' | 'payload'> {
  const boundary = `----steerboard${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, data, tail]),
  };
}

/** Row counts of every table a failed write must leave alone. */
export async function counts(ctx: TestContext) {
  const tables = [
    'audit_events',
    'assessments',
    'findings',
    'attachments',
    'file_blobs',
    'conclusions',
    'target_responses',
    'follow_ups',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const res = await ctx.handle.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${t}`));
    out[t] = (res as { rows: { n: number }[] }).rows[0].n;
  }
  return out;
}

export const fieldsOf = (body: { error: { details?: { issues?: { field: string }[]; field?: string } } }) =>
  body.error.details?.issues?.map((i) => i.field) ?? (body.error.details?.field ? [body.error.details.field] : []);
