const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A date as Vietnamese users write it (dd/mm/yyyy, or d/m/yyyy as a spreadsheet saves it) to ISO `yyyy-mm-dd`;
 * anything else is returned as it is, for the ISO-date schema to accept or name. Whether the day exists (31/02)
 * is left to that schema too.
 */
export function dayFirstToIso(text: string): string {
  const m = DAY_FIRST.exec(text.trim());
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : text;
}
