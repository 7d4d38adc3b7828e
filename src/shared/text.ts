/**
 * Folds Vietnamese text for search: lower case, no tone marks or diacritics, đ → d.
 * "Đống Đa" and "dong da" both become "dong da".
 */
export function foldText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
