import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { ErrorCode } from '../../../shared/errors.js';
import { DomainError, invalid } from '../../http/errors.js';

/**
 * Limits on what an archive may unpack to. XLSX and DOCX are ZIP files, and a 1 MB ZIP can inflate to gigabytes
 * (a zip bomb): every archive the server opens from a client is checked here first.
 */
export interface ZipLimits {
  maxEntries: number;
  /** the sum of every entry's inflated size */
  maxTotalBytes: number;
  /** inflated ÷ compressed size above which an entry (over 1 MiB inflated) is refused; real XML stays far below */
  maxRatio: number;
}

/** A report template filled offline: a dozen parts, a few hundred kilobytes. */
export const OFFICE_UPLOAD_LIMITS: ZipLimits = { maxEntries: 1_000, maxTotalBytes: 25 * 1024 * 1024, maxRatio: 200 };

const RATIO_FROM = 1024 * 1024;

export const archiveTooLarge = (why: string, limits: ZipLimits) =>
  new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 413, `The archive unpacks to too much: ${why}`, {
    field: 'file',
    maxEntries: limits.maxEntries,
    maxTotalBytes: limits.maxTotalBytes,
  });
const unreadable = (why: string) => invalid([{ field: 'file', reason: 'ZIP_UNREADABLE', params: { why } }]);

interface Source {
  size: number;
  read(pos: number, len: number): Promise<Buffer>;
  stream(start: number, length: number): Readable;
  close(): Promise<void>;
}

function bufferSource(bytes: Uint8Array): Source {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    size: buf.length,
    read: async (pos, len) => buf.subarray(pos, Math.min(buf.length, pos + len)),
    stream(start, length) {
      const end = Math.min(buf.length, start + length);
      return Readable.from(
        (function* () {
          for (let at = start; at < end; at += 64 * 1024) yield buf.subarray(at, Math.min(end, at + 64 * 1024));
        })(),
      );
    },
    close: async () => {},
  };
}

async function fileSource(filePath: string): Promise<Source> {
  const fh = await open(filePath, 'r');
  const { size } = await fh.stat();
  return {
    size,
    async read(pos, len) {
      const out = Buffer.alloc(Math.max(0, Math.min(len, size - pos)));
      if (out.length) await fh.read(out, 0, out.length, pos);
      return out;
    },
    stream: (start, length) =>
      length > 0 ? createReadStream(filePath, { start, end: start + length - 1 }) : Readable.from([]),
    close: () => fh.close(),
  };
}

interface Entry {
  flags: number;
  method: number;
  compressed: number;
  inflated: number;
  localOffset: number;
}

/** The central directory's entries, refusing on their declared counts and sizes before anything is inflated. */
async function centralDirectory(src: Source, limits: ZipLimits): Promise<{ entries: Entry[]; cdOffset: number }> {
  const tailLen = Math.min(src.size, 22 + 0xffff);
  const tail = await src.read(src.size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('no end of central directory');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  // ZIP64 is for archives beyond 4 GB or 65,535 entries: never an upload within our limits
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw unreadable('ZIP64 is not accepted');
  if (count > limits.maxEntries) throw archiveTooLarge(`${count} entries (at most ${limits.maxEntries})`, limits);
  if (cdOffset + cdSize > src.size - tailLen + eocd) throw unreadable('central directory out of bounds');
  const cd = await src.read(cdOffset, cdSize);
  const entries: Entry[] = [];
  let total = 0;
  for (let at = 0, n = 0; n < count; n++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) throw unreadable('broken central directory');
    const e: Entry = {
      flags: cd.readUInt16LE(at + 8),
      method: cd.readUInt16LE(at + 10),
      compressed: cd.readUInt32LE(at + 20),
      inflated: cd.readUInt32LE(at + 24),
      localOffset: cd.readUInt32LE(at + 42),
    };
    if (e.compressed === 0xffffffff || e.inflated === 0xffffffff || e.localOffset === 0xffffffff)
      throw unreadable('ZIP64 is not accepted');
    if (e.method !== 0 && e.method !== 8) throw unreadable(`compression method ${e.method}`);
    if (e.method === 0 && e.compressed !== e.inflated) throw unreadable('a stored entry changes size');
    total += e.inflated;
    if (total > limits.maxTotalBytes) throw archiveTooLarge(`more than ${limits.maxTotalBytes} bytes declared`, limits);
    if (e.inflated > RATIO_FROM && e.inflated > e.compressed * limits.maxRatio)
      throw archiveTooLarge(`an entry inflates ${Math.round(e.inflated / Math.max(1, e.compressed))}-fold`, limits);
    entries.push(e);
    at += 46 + cd.readUInt16LE(at + 28) + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
  }
  return { entries, cdOffset };
}

/** Inflates one entry as a stream, keeping nothing, and stops as soon as it goes past its declared size. */
async function inflateWithin(src: Source, start: number, e: Entry, limits: ZipLimits) {
  let seen = 0;
  const counter = new Writable({
    write(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      done(seen > e.inflated ? archiveTooLarge('an entry inflates beyond its declared size', limits) : null);
    },
  });
  try {
    await pipeline(src.stream(start, e.compressed), createInflateRaw(), counter);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw unreadable('a compressed entry is broken');
  }
  if (seen !== e.inflated) throw unreadable('an entry inflates to another size than declared');
}

/**
 * Checks an archive before any library unpacks it: the central directory's declared entry count and sizes first,
 * then every entry inflated as a stream (nothing kept) and stopped the moment it passes its declared size, and the
 * entries laid end to end with nothing hidden between them (a streaming reader walks local headers, so an entry
 * the central directory does not list would still be inflated). Beyond the limits → 413; not a sound ZIP → 400.
 */
export async function assertZipWithin(input: Uint8Array | string, limits: ZipLimits): Promise<void> {
  const src = typeof input === 'string' ? await fileSource(input) : bufferSource(input);
  try {
    const { entries, cdOffset } = await centralDirectory(src, limits);
    const ordered = [...entries].sort((a, b) => a.localOffset - b.localOffset);
    let expected = 0;
    for (const e of ordered) {
      if (e.localOffset !== expected) throw unreadable('data outside the listed entries');
      const head = await src.read(e.localOffset, 30);
      if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) throw unreadable('broken local header');
      const start = e.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
      if (start + e.compressed > cdOffset) throw unreadable('an entry runs past the central directory');
      if (e.method === 8) await inflateWithin(src, start, e, limits);
      expected = start + e.compressed;
      if (e.flags & 0x08) {
        // a data descriptor (crc, sizes), with or without its optional signature
        const sig = await src.read(expected, 4);
        expected += sig.length === 4 && sig.readUInt32LE(0) === 0x08074b50 ? 16 : 12;
      }
    }
    if (expected !== cdOffset) throw unreadable('data outside the listed entries');
  } finally {
    await src.close();
  }
}
