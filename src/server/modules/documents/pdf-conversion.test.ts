import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderConclusionDocx } from './conclusion-docx.js';
import { renderPlanDocx } from './plan-export.js';
import { sampleConclusion, samplePlan } from './test-fixtures.js';

const run = promisify(execFile);

function findOffice(): string | null {
  for (const name of ['libreoffice', 'soffice']) {
    const found = spawnSync('which', [name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

const office = findOffice();
if (!office) console.warn('LibreOffice not installed: skipping DOCX→PDF conversion test');

// The real check that Word-compatible readers accept the files: LibreOffice must lay them out as pages.
describe('DOCX → PDF with LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'steerboard-docs-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  (office ? it : it.skip)(
    'converts the conclusion and the plan to non-empty PDFs',
    async () => {
      const files = {
        conclusion: await renderConclusionDocx(sampleConclusion({ draft: true })),
        plan: await renderPlanDocx(samplePlan()),
      };
      const docxPaths = await Promise.all(
        Object.entries(files).map(async ([name, buffer]) => {
          const path = join(dir, `${name}.docx`);
          await writeFile(path, buffer);
          return path;
        }),
      );
      // A profile of its own, so a LibreOffice already open on this machine neither blocks nor absorbs the conversion.
      const profile = `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`;
      await run(office!, [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docxPaths], {
        timeout: 120_000,
      });
      for (const name of Object.keys(files)) {
        const pdf = await stat(join(dir, `${name}.pdf`));
        expect(pdf.size, `${name}.pdf`).toBeGreaterThan(1000);
      }
    },
    150_000,
  );
});
