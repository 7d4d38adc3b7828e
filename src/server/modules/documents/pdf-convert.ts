import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The converter could not be run: not installed, not executable (the route answers 503 PDF_CONVERTER_MISSING). */
export class PdfConverterMissingError extends Error {
  override readonly name = 'PdfConverterMissingError';
}

/** The converter ran but made no PDF: it failed, or took longer than its time-out. */
export class PdfConversionError extends Error {
  override readonly name = 'PdfConversionError';
}

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The DOCX → PDF converter to run: `configured` (PDF_CONVERTER: a path, or a name looked up on PATH) when it exists
 * and is executable, else null; without `configured`, whichever of libreoffice / soffice is on PATH (null when neither).
 */
export function resolvePdfConverter(configured: string | undefined, path = process.env.PATH ?? ''): string | null {
  const lookup = (name: string) => {
    if (isAbsolute(name) || name.includes('/')) return executable(name) ? name : null;
    for (const dir of path.split(delimiter).filter(Boolean)) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
    return null;
  };
  if (configured) return lookup(configured);
  return lookup('libreoffice') ?? lookup('soffice');
}

export interface PdfConverterOptions {
  /** the LibreOffice binary (resolvePdfConverter) */
  command: string;
  /** a conversion running longer is killed (LibreOffice can hang on a broken profile or file) */
  timeoutMs?: number;
}

/**
 * DOCX → PDF with LibreOffice headless, in a child process (the event loop keeps serving), in a directory and
 * profile of its own (`-env:UserInstallation`): parallel conversions neither collide nor join a LibreOffice already
 * open on the machine. The directory is removed afterwards, whatever happens.
 */
export function createPdfConverter({ command, timeoutMs = 120_000 }: PdfConverterOptions) {
  return async function convertDocxToPdf(docx: Buffer): Promise<Buffer> {
    const dir = await mkdtemp(join(tmpdir(), 'steerboard-pdf-'));
    try {
      const input = join(dir, 'document.docx');
      await writeFile(input, docx);
      const profile = `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`;
      await new Promise<void>((resolve, reject) => {
        execFile(
          command,
          [profile, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
          { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 },
          (error, _stdout, stderr) => {
            if (!error) return resolve();
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'ENOENT' || code === 'EACCES')
              return reject(new PdfConverterMissingError(`PDF converter not found or not executable: ${command}`));
            const why = error.killed ? `timed out after ${timeoutMs} ms` : String(stderr || error.message).trim();
            reject(new PdfConversionError(`PDF conversion failed: ${why}`));
          },
        );
      });
      const pdf = await readFile(join(dir, 'document.pdf')).catch(() => null);
      // LibreOffice exits 0 even when it could not load the file: no output is the failure
      if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw new PdfConversionError('PDF conversion failed: the converter made no PDF');
      return pdf;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
export type ConvertDocxToPdf = ReturnType<typeof createPdfConverter>;
