import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';

/** One entry of a hand-built ZIP; `declaredSize` lies about the inflated size when set. */
export interface RawEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
  declaredSize?: number;
}

export const storedEntry = (name: string, text: string): RawEntry => {
  const data = Buffer.from(text);
  return { name, data, method: 0, crc: crc32(data), size: data.length };
};

/** `size` bytes of `byte` deflated at level 9, produced a megabyte at a time (the test never holds them inflated). */
export async function deflatedEntry(name: string, size: number, byte = 0x20): Promise<RawEntry> {
  const chunk = Buffer.alloc(1024 * 1024, byte);
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const c = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(c, crc);
    if (!d.write(c)) await once(d, 'drain');
  }
  d.end();
  await once(d, 'end');
  return { name, data: Buffer.concat(out), method: 8, crc, size };
}

/** A ZIP laid out by hand, so a test can make it lie; `hidden` entries get a local header but no directory entry. */
export function buildZip(entries: RawEntry[], hidden: RawEntry[] = []): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of [...hidden, ...entries]) {
    const name = Buffer.from(e.name);
    const declared = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.data);
    if (!hidden.includes(e)) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(e.method, 10);
      c.writeUInt32LE(e.crc >>> 0, 16);
      c.writeUInt32LE(e.data.length, 20);
      c.writeUInt32LE(declared, 24);
      c.writeUInt16LE(name.length, 28);
      c.writeUInt32LE(offset, 42);
      central.push(c, name);
    }
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, eocd]);
}

/** An XLSX-looking zip bomb: `size` bytes of spaces in the first sheet; `lie` declares them as 1 KB. */
export async function xlsxBomb(size: number, o: { lie?: boolean } = {}): Promise<Buffer> {
  const sheet = await deflatedEntry('xl/worksheets/sheet1.xml', size);
  if (o.lie) sheet.declaredSize = 1024;
  return buildZip([
    storedEntry(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    storedEntry('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
    sheet,
  ]);
}
