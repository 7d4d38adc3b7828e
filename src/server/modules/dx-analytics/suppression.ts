/**
 * Statistical disclosure control for published breakdowns.
 *
 * Primary suppression: a cell counting 1…k−1 enterprises is withheld (0 is published: it discloses
 * no one). Complementary suppression: any total a user can obtain — a row's `n`, or the same breakdown
 * without one of its dimensions (another query, or the "Total" row) — would let them subtract the
 * withheld cells back. So along every line of the table (all cells that differ in one dimension only)
 * the withheld non-zero cells must add up to 0 or to at least k; otherwise the smallest published
 * non-zero cells of that line are withheld too, and lines are rechecked until nothing changes.
 * What is protected is then at worst an aggregate of ≥ k enterprises, never a small cell.
 */
export interface CubeCell {
  coords: readonly string[];
  n: number;
}

export function protect(cells: readonly CubeCell[], k: number, preSuppressed: Iterable<number> = []): Set<number> {
  const hidden = new Set<number>(preSuppressed);
  cells.forEach((c, i) => {
    if (c.n > 0 && c.n < k) hidden.add(i);
  });
  if (k <= 1 || cells.length === 0) return hidden;
  const dims = cells[0].coords.length;
  const lines: number[][][] = [];
  for (let d = 0; d < dims; d++) {
    const byLine = new Map<string, number[]>();
    cells.forEach((c, i) => {
      const key = c.coords.map((v, j) => (j === d ? '*' : v)).join('\u0001');
      const line = byLine.get(key);
      if (line) line.push(i);
      else byLine.set(key, [i]);
    });
    lines.push([...byLine.values()]);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const dimLines of lines) {
      for (const line of dimLines) {
        let withheld = 0;
        for (const i of line) if (hidden.has(i)) withheld += cells[i].n;
        if (withheld === 0 || withheld >= k) continue;
        const candidates = line.filter((i) => !hidden.has(i) && cells[i].n > 0).sort((a, b) => cells[a].n - cells[b].n);
        for (const i of candidates) {
          hidden.add(i);
          changed = true;
          withheld += cells[i].n;
          if (withheld >= k) break;
        }
      }
    }
  }
  return hidden;
}
