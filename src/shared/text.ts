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

/** Fills `{{name}}` placeholders (the i18n catalogues' syntax); a name without a value is left as written. */
export const fillPlaceholders = (text: string, values: Readonly<Record<string, string | number>>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
