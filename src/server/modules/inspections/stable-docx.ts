import JSZip from 'jszip';

/**
 * Pins the timestamps a DOCX writer stamps at pack time (ZIP entry dates, core.xml created/modified) to `at`,
 * so the same conclusion downloads as the same bytes every time.
 */
export async function pinDocxTimestamps(docx: Buffer, at: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const out = new JSZip();
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    let data: string | Uint8Array = await entry.async('uint8array');
    if (entry.name === 'docProps/core.xml') {
      data = new TextDecoder()
        .decode(data)
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
    }
    out.file(entry.name, data, { date: at, createFolders: false });
  }
  return out.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}
