import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';

/**
 * A backup file is a plain POSIX tar archive of two members: `steerboard-backup.json` (the manifest: what it is, of
 * which schema, made when, and the size and SHA-256 of the payload) and the payload itself (`database.pgdump`, a
 * pg_dump custom-format archive, or `pgdata.tar.gz`, a PGlite data directory). Tar because an operator can open it
 * with standard tools (`tar -xf`, then `pg_restore` by hand) when this program is not at hand; the manifest first so a
 * restore knows, before touching anything, whether it can use the file and whether the file is whole.
 */
export const MANIFEST_NAME = 'steerboard-backup.json';
const BLOCK = 512;

export const manifestSchema = z.object({
  format: z.literal('steerboard-backup'),
  formatVersion: z.literal(1),
  engine: z.enum(['postgres', 'pglite']),
  createdAt: z.string(),
  appVersion: z.string(),
  /** schema_migrations of the backed-up database, in the order they were applied */
  migrations: z.array(z.string()),
  /** server_version_num of the backed-up database (PGlite reports the PostgreSQL it embeds) */
  postgresVersionNum: z.number().int(),
  /** what wrote the payload, e.g. `pg_dump (PostgreSQL) 15.14` or `PGlite (PostgreSQL 17.5 …)` */
  tool: z.string(),
  payload: z.object({ name: z.string(), size: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** A refusal or a damaged file: the CLI prints the message alone, without a stack trace. */
export class BackupError extends Error {}

const padTo = (n: number) => Math.ceil(n / BLOCK) * BLOCK;

function tarHeader(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  if (size < 8 ** 11) h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
  else {
    // GNU base-256 for members of 8 GiB and more (a large pg_dump); GNU tar and bsdtar read it
    let v = BigInt(size);
    for (let i = 135; i > 124; i--) {
      h[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    h[124] = 0x80;
  }
  h.write(
    Math.floor(mtime.getTime() / 1000)
      .toString(8)
      .padStart(11, '0') + '\0',
    136,
    'ascii',
  );
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write('steerboard', 265, 'ascii');
  h.write('steerboard', 297, 'ascii');
  const sum = h.reduce((a, b) => a + b, 0);
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

function parseHeader(h: Buffer, file: string, what: string): { name: string; size: number } {
  const damaged = () => new BackupError(`${file} is not a steerboard backup, or it is damaged (${what} is unreadable)`);
  if (h.length < BLOCK || h.toString('ascii', 257, 262) !== 'ustar') throw damaged();
  const stored = Number.parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
  if (stored !== sum) throw damaged();
  const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
  let size: number;
  if (h[124] & 0x80) {
    let v = 0n;
    for (let i = 125; i < 136; i++) v = (v << 8n) | BigInt(h[i]);
    size = Number(v);
  } else size = Number.parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/, '').trim() || '0', 8);
  if (!Number.isSafeInteger(size) || size < 0) throw damaged();
  return { name, size };
}

/** SHA-256 and size of a file, streamed. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Writes the backup to `file` through `file.partial`, renamed only once complete and flushed: a backup that failed
 * half-way (disk full, killed) never sits under the name a restore or a retention script would trust.
 */
export async function writeArchive(
  file: string,
  manifest: Omit<Manifest, 'payload'>,
  payload: { name: string; path: string } | { name: string; bytes: Buffer },
): Promise<Manifest> {
  const { sha256, size } =
    'bytes' in payload
      ? { sha256: createHash('sha256').update(payload.bytes).digest('hex'), size: payload.bytes.length }
      : await hashFile(payload.path);
  const full: Manifest = { ...manifest, payload: { name: payload.name, size, sha256 } };
  const json = Buffer.from(JSON.stringify(full, null, 2) + '\n', 'utf8');
  const now = new Date();
  const partial = `${file}.partial`;
  try {
    // owner-only: a backup holds personal data and password hashes
    const out = createWriteStream(partial, { mode: 0o600 });
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    const write = (b: Buffer) =>
      new Promise<void>((resolve, reject) => out.write(b, (e) => (e ? reject(e) : resolve())));
    await write(tarHeader(MANIFEST_NAME, json.length, now));
    await write(Buffer.concat([json, Buffer.alloc(padTo(json.length) - json.length)]));
    await write(tarHeader(payload.name, size, now));
    if ('bytes' in payload) await write(payload.bytes);
    else {
      for await (const chunk of createReadStream(payload.path) as AsyncIterable<Buffer>) await write(chunk);
    }
    await write(Buffer.alloc(padTo(size) - size + 2 * BLOCK));
    out.end();
    await done;
    const fh = await open(partial, 'r+');
    await fh.sync().finally(() => fh.close());
    await rename(partial, file);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
  return full;
}

export interface OpenedArchive {
  file: string;
  manifest: Manifest;
  payloadOffset: number;
}

/**
 * Reads and checks the manifest and the archive's length (a truncated copy is refused here, before anything is
 * restored); the payload's checksum is verified as it is extracted.
 */
export async function openArchive(file: string): Promise<OpenedArchive> {
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new BackupError(`backup file ${file} not found`);
    },
  );
  const fh = await open(file, 'r');
  try {
    const read = async (offset: number, length: number) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, offset);
      return buf.subarray(0, bytesRead);
    };
    const first = parseHeader(await read(0, BLOCK), file, 'its header');
    if (first.name !== MANIFEST_NAME || first.size > 1_000_000) {
      throw new BackupError(`${file} is not a steerboard backup (its first member is not ${MANIFEST_NAME})`);
    }
    const text = await read(BLOCK, first.size);
    if (text.length < first.size) throw truncated(file);
    let manifest: Manifest;
    try {
      manifest = manifestSchema.parse(JSON.parse(text.toString('utf8')));
    } catch {
      throw new BackupError(`${file} is damaged: its manifest (${MANIFEST_NAME}) is not valid`);
    }
    const second = BLOCK + padTo(first.size);
    const member = parseHeader(await read(second, BLOCK), file, 'the header of its database member');
    if (member.name !== manifest.payload.name || member.size !== manifest.payload.size) {
      throw new BackupError(`${file} is damaged: its database member does not match the manifest`);
    }
    const payloadOffset = second + BLOCK;
    if (size < payloadOffset + member.size) throw truncated(file);
    return { file, manifest, payloadOffset };
  } finally {
    await fh.close();
  }
}

const truncated = (file: string) =>
  new BackupError(`${file} is incomplete (truncated: the copy stopped before its end); use another backup`);

/** The payload's bytes, checked against the manifest's SHA-256 when they end (a mismatch fails the pipeline). */
function checkedPayload(a: OpenedArchive) {
  const { size, sha256 } = a.manifest.payload;
  const hash = createHash('sha256');
  const check = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      const ok = hash.digest('hex') === sha256;
      cb(ok ? null : new BackupError(`${a.file} is damaged: its database member does not match its checksum`));
    },
  });
  return [createReadStream(a.file, { start: a.payloadOffset, end: a.payloadOffset + size - 1 }), check] as const;
}

/** Extracts the payload to `dest`, verifying its checksum (the file is removed when it does not match). */
export async function extractPayload(a: OpenedArchive, dest: string): Promise<void> {
  try {
    await pipeline(...checkedPayload(a), createWriteStream(dest));
  } catch (e) {
    await rm(dest, { force: true });
    throw e;
  }
}

/** The payload in memory (a PGlite data directory is loaded from a Blob), checksum verified. */
export async function readPayload(a: OpenedArchive): Promise<Buffer<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  await pipeline(...checkedPayload(a), collect);
  return Buffer.concat(chunks);
}
