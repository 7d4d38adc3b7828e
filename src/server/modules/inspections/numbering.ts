/** Conclusions are numbered per year in one sequence: `01-KL/ĐKT`, `02-KL/ĐKT`, … `123-KL/ĐKT`. */
export const CONCLUSION_SCOPE = 'KL/ĐKT';

export function formatConclusionNumber(sequence: number, scope = CONCLUSION_SCOPE): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Not a sequence number: ${sequence}`);
  return `${String(sequence).padStart(2, '0')}-${scope}`;
}

/** The sequence and scope of a number like `07-KL/ĐKT`; null when it is not one. */
export function parseConclusionNumber(number: string): { sequence: number; scope: string } | null {
  const m = /^(\d{2,})-(\S+\/\S+)$/.exec(number);
  if (!m) return null;
  const sequence = Number(m[1]);
  if (sequence < 1 || (m[1].length > 2 && m[1].startsWith('0'))) return null;
  return { sequence, scope: m[2] };
}

/** The year a conclusion's number counts in: the year of its issued date ('YYYY-MM-DD'). */
export const numberingYear = (issuedDate: string) => Number(issuedDate.slice(0, 4));
