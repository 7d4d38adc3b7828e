/**
 * A conclusion's number as it is listed and referred to. Numbers restart every year (01-KL/ĐKT of 2023 and of 2026
 * are two documents), so wherever a number stands without its date, its year goes with it: `01-KL/ĐKT (2023)`.
 * The web's lists and the server's texts both use this one form.
 */
export function conclusionRef(c: { number: string; year: number }): string {
  return `${c.number} (${c.year})`;
}
