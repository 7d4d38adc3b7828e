import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderConclusionDocx } from './conclusion-docx.js';
import {
  createPdfConverter,
  PdfConversionError,
  PdfConverterMissingError,
  resolvePdfConverter,
} from './pdf-convert.js';
import { sampleConclusion } from './test-fixtures.js';

const office = resolvePdfConverter(undefined);

describe('DOCX → PDF converter', () => {
  let dir: string;
  const script = async (name: string, body: string) => {
    const path = join(dir, name);
    await writeFile(path, `#!/bin/sh\n${body}\n`);
    await chmod(path, 0o755);
    return path;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'steerboard-conv-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds the converter: a configured path when executable, else none; a name on PATH', async () => {
    const fake = await script('soffice', 'exit 0');
    expect(resolvePdfConverter(fake)).toBe(fake);
    expect(resolvePdfConverter(join(dir, 'missing'))).toBeNull();
    expect(resolvePdfConverter('soffice', dir)).toBe(fake);
    expect(resolvePdfConverter(undefined, dir)).toBe(fake);
    expect(resolvePdfConverter(undefined, join(dir, 'empty'))).toBeNull();
  });

  it('tells a missing binary, a converter that makes nothing and one that hangs (killed at the time-out) apart', async () => {
    const docx = Buffer.from('not really a docx');
    await expect(createPdfConverter({ command: join(dir, 'gone') })(docx)).rejects.toBeInstanceOf(
      PdfConverterMissingError,
    );
    const silent = await script('silent', 'exit 0');
    await expect(createPdfConverter({ command: silent })(docx)).rejects.toThrow(/made no PDF/);
    const hangs = await script('hangs', 'exec sleep 30');
    const started = Date.now();
    const err = await createPdfConverter({ command: hangs, timeoutMs: 300 })(docx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfConversionError);
    expect((err as Error).message).toMatch(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  (office ? it : it.skip)(
    'converts a conclusion with LibreOffice; two conversions at once (own profiles) both succeed',
    async () => {
      const convert = createPdfConverter({ command: office! });
      const docx = await renderConclusionDocx(sampleConclusion({ draft: false }));
      const [a, b] = await Promise.all([convert(docx), convert(docx)]);
      for (const pdf of [a, b]) {
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(1000);
      }
    },
    180_000,
  );
});
