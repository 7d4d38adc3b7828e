/** Vietnamese letters without their marks (đ → d), case kept: "KL/ĐKT" → "KL/DKT". */
const stripMarks = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** An ASCII-only file name: marks dropped, anything else outside [A-Za-z0-9._-] turned into '-'. */
export function asciiFileName(fileName: string): string {
  return (
    stripMarks(fileName)
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'file'
  );
}

/** `Content-Disposition: attachment` with an ASCII fallback name and the exact UTF-8 name in `filename*` (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encoded}`;
}
