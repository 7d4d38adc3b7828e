/**
 * The publication cube: the only figures the analytics API serves (see docs/architecture.md, "DX publication cube").
 *
 * One cube per framework version and year. Its cells are every combination of
 *   place  (All | one 2025 commune, or "not yet resolved" | one pre-2025 district = the communes that took its old ones)
 *   sector (All | one VSIC section) × size class (All | one) × overall level (All | one),
 * each holding n, Σ total and Σ of each pillar. A breakdown row, its total and each level count is one cell, so two
 * answers are never anything but two cells. Which cells are withheld is decided here, once for the whole cube and
 * independently of any query:
 *
 * 1. a cell of 1…k−1 enterprises is withheld;
 * 2. a cell B is withheld when some cell A containing B's enterprises (any cell, published or not: A's place, sector,
 *    size and level each cover what B actually holds) has n(A) − n(B) in 1…k−1 — so subtracting any two published
 *    nested answers gives 0 or ≥ k enterprises;
 * 3. along every line (a cell and its children in one dimension: communes of the city or of a district, sectors,
 *    sizes, levels) the withheld children add up to 0 or ≥ k, else the smallest published children are withheld too,
 *    until nothing changes — so a total minus its published parts never gives back fewer than k.
 * 4. cells holding exactly the same enterprises (a district of one commune, a commune of one sector…) are withheld
 *    together: one published under another name would undo the other's withholding. 3 and 4 are repeated until stable.
 * Rules 2–4 only withhold, so the end state satisfies all of them.
 */

export interface CubeRow {
  /** 2025 commune code, or null: not yet resolved */
  commune: string | null;
  sector: string;
  size: string;
  level: number;
  n: number;
  sumTotal: number;
  pillars: number[];
}

export interface CubeGeography {
  /** commune code → the pre-2025 districts whose old communes it took */
  districtsOf: Map<string, string[]>;
}

const NONE = '\u0000';

/** A cell's coordinates: a value of each dimension, or null for All. */
export interface CellRef {
  place: { commune: string | null } | { district: string | null } | null;
  sector: string | null;
  size: string | null;
  level: number | null;
}

export interface CellStats {
  n: number;
  hidden: boolean;
  sumTotal: number;
  pillars: number[];
}

export class YearCube {
  readonly communes: string[]; // commune codes, NONE for "not yet resolved"
  readonly districts: string[]; // district codes, NONE for communes attributed to no district
  readonly sectors: string[];
  readonly sizes: string[];
  readonly levels: number;
  readonly pillarCount: number;
  private readonly P: number;
  private readonly S: number;
  private readonly Z: number;
  private readonly L: number;
  private readonly n: Int32Array;
  private readonly sum: Float64Array;
  private readonly psum: Float64Array;
  private readonly hidden: Uint8Array;
  /** place index → commune indexes it holds (place 0 = All) */
  private readonly placeCommunes: number[][];
  private readonly communeDistricts: number[][];

  constructor(rows: CubeRow[], geo: CubeGeography, k: number, levels: number, pillarCount: number) {
    const key = (c: string | null) => c ?? NONE;
    this.communes = [...new Set(rows.map((r) => key(r.commune)))].sort();
    const districtsOf = (c: string) => (c === NONE ? [NONE] : (geo.districtsOf.get(c) ?? [NONE]));
    this.districts = [...new Set(this.communes.flatMap(districtsOf))].sort();
    this.sectors = [...new Set(rows.map((r) => r.sector))].sort();
    this.sizes = [...new Set(rows.map((r) => r.size))].sort();
    // a loop, not Math.max(...rows): a year of the finest grain can exceed the engine's argument limit
    let maxLevels = levels;
    for (const r of rows) if (r.level + 1 > maxLevels) maxLevels = r.level + 1;
    this.levels = maxLevels;
    this.pillarCount = pillarCount;
    const C = this.communes.length;
    this.P = 1 + C + this.districts.length;
    this.S = 1 + this.sectors.length;
    this.Z = 1 + this.sizes.length;
    this.L = 1 + this.levels;
    const cells = this.P * this.S * this.Z * this.L;
    this.n = new Int32Array(cells);
    this.sum = new Float64Array(cells);
    this.psum = new Float64Array(cells * pillarCount);
    this.hidden = new Uint8Array(cells);
    const communeIdx = new Map(this.communes.map((c, i) => [c, i]));
    const districtIdx = new Map(this.districts.map((d, i) => [d, i]));
    this.communeDistricts = this.communes.map((c) => districtsOf(c).map((d) => 1 + C + districtIdx.get(d)!));
    this.placeCommunes = Array.from({ length: this.P }, () => [] as number[]);
    this.communes.forEach((_, ci) => {
      this.placeCommunes[0].push(ci);
      this.placeCommunes[1 + ci].push(ci);
      for (const p of this.communeDistricts[ci]) this.placeCommunes[p].push(ci);
    });
    const sectorIdx = new Map(this.sectors.map((s, i) => [s, i + 1]));
    const sizeIdx = new Map(this.sizes.map((s, i) => [s, i + 1]));
    for (const r of rows) {
      const ci = communeIdx.get(key(r.commune))!;
      const places = [0, 1 + ci, ...this.communeDistricts[ci]];
      for (const p of places)
        for (const s of [0, sectorIdx.get(r.sector)!])
          for (const z of [0, sizeIdx.get(r.size)!])
            for (const l of [0, r.level + 1]) {
              const i = this.at(p, s, z, l);
              this.n[i] += r.n;
              this.sum[i] += r.sumTotal;
              for (let q = 0; q < pillarCount; q++) this.psum[i * pillarCount + q] += r.pillars[q] ?? 0;
            }
    }
    this.protect(k);
  }

  private at(p: number, s: number, z: number, l: number) {
    return ((p * this.S + s) * this.Z + z) * this.L + l;
  }

  private protect(k: number) {
    const { P, S, Z, L, n, hidden } = this;
    const C = this.communes.length;
    // 1 and 2: each cell against every cell that holds all its enterprises; those holding exactly the same ones
    // (same n) are noted: they must share one fate (4), else a withheld cell is published under another name
    const same: number[] = [];
    for (let p = 0; p < P; p++)
      for (let s = 0; s < S; s++)
        for (let z = 0; z < Z; z++)
          for (let l = 0; l < L; l++) {
            const i = this.at(p, s, z, l);
            const nb = n[i];
            if (nb === 0) continue;
            if (nb < k) {
              hidden[i] = 1;
              continue;
            }
            // what the cell actually holds, per dimension, and the values that cover it
            const heldCommunes =
              p === 0 || p > C ? this.placeCommunes[p].filter((c) => n[this.at(1 + c, s, z, l)] > 0) : [p - 1];
            // the places that hold all of them: the city; a commune when it is the only one; the districts of the
            // first that hold every other one
            const places = [0];
            if (heldCommunes.length === 1) places.push(1 + heldCommunes[0]);
            for (const d of this.communeDistricts[heldCommunes[0]]) {
              const inD = this.placeCommunes[d];
              if (heldCommunes.every((c) => inD.includes(c))) places.push(d);
            }
            const cover = (v: number, count: number, nAt: (x: number) => number) => {
              if (v !== 0) return [0, v];
              const held: number[] = [];
              for (let x = 1; x < count; x++) if (nAt(x) > 0) held.push(x);
              return held.length === 1 ? [0, held[0]] : [0];
            };
            const sectors = cover(s, S, (x) => n[this.at(p, x, z, l)]);
            const sizes = cover(z, Z, (x) => n[this.at(p, s, x, l)]);
            const lvls = cover(l, L, (x) => n[this.at(p, s, z, x)]);
            outer: for (const pa of places)
              for (const sa of sectors)
                for (const za of sizes)
                  for (const la of lvls) {
                    const a = this.at(pa, sa, za, la);
                    const d = n[a] - nb;
                    if (d === 0 && a !== i) same.push(i, a);
                    if (d > 0 && d < k) {
                      hidden[i] = 1;
                      break outer;
                    }
                  }
          }
    // 3: lines, until stable
    const lines: number[][] = [];
    for (let p = 0; p < P; p++)
      for (let s = 0; s < S; s++)
        for (let z = 0; z < Z; z++)
          for (let l = 0; l < L; l++) {
            if (n[this.at(p, s, z, l)] === 0) continue;
            if (p === 0 || p > C) lines.push(this.placeCommunes[p].map((c) => this.at(1 + c, s, z, l)));
            if (s === 0) lines.push(Array.from({ length: S - 1 }, (_, x) => this.at(p, x + 1, z, l)));
            if (z === 0) lines.push(Array.from({ length: Z - 1 }, (_, x) => this.at(p, s, x + 1, l)));
            if (l === 0) lines.push(Array.from({ length: L - 1 }, (_, x) => this.at(p, s, z, x + 1)));
          }
    for (let changed = true; changed;) {
      changed = false;
      for (let x = 0; x < same.length; x += 2) {
        if (hidden[same[x]] !== hidden[same[x + 1]]) {
          hidden[same[x]] = hidden[same[x + 1]] = 1;
          changed = true;
        }
      }
      for (const line of lines) {
        let withheld = 0;
        for (const i of line) if (hidden[i]) withheld += n[i];
        if (withheld === 0 || withheld >= k) continue;
        const candidates = line.filter((i) => !hidden[i] && n[i] > 0).sort((a, b) => n[a] - n[b] || a - b);
        for (const i of candidates) {
          hidden[i] = 1;
          changed = true;
          withheld += n[i];
          if (withheld >= k) break;
        }
      }
    }
  }

  /** The cell at these coordinates; n = 0 when the cube holds nothing there. */
  cell(ref: CellRef): CellStats {
    const C = this.communes.length;
    let p = 0;
    if (ref.place && 'commune' in ref.place) {
      const ci = this.communes.indexOf(ref.place.commune ?? NONE);
      if (ci < 0) return empty(this.pillarCount);
      p = 1 + ci;
    } else if (ref.place && 'district' in ref.place) {
      const di = this.districts.indexOf(ref.place.district ?? NONE);
      if (di < 0) return empty(this.pillarCount);
      p = 1 + C + di;
    }
    // 0 = All; -1 = a value the cube does not hold
    const idx = (v: string | null, values: string[]) => (v === null ? 0 : values.indexOf(v) + 1 || -1);
    const s = idx(ref.sector, this.sectors);
    const z = idx(ref.size, this.sizes);
    const l = ref.level === null ? 0 : ref.level + 1;
    if (s < 0 || z < 0 || l >= this.L) return empty(this.pillarCount);
    const i = this.at(p, s, z, l);
    const pc = this.pillarCount;
    return {
      n: this.n[i],
      hidden: this.hidden[i] === 1,
      sumTotal: this.sum[i],
      pillars: Array.from(this.psum.subarray(i * pc, i * pc + pc)),
    };
  }

  /** Whether a commune belongs to a district (null: the communes attributed to none). */
  inDistrict(commune: string | null, district: string | null): boolean {
    const ci = this.communes.indexOf(commune ?? NONE);
    const di = this.districts.indexOf(district ?? NONE);
    return ci >= 0 && di >= 0 && this.communeDistricts[ci].includes(1 + this.communes.length + di);
  }

  /** The values present in the cube along one dimension (null = not resolved / no district). */
  values(dim: 'commune' | 'district' | 'sector' | 'sizeClass'): (string | null)[] {
    const un = (x: string) => (x === NONE ? null : x);
    if (dim === 'commune') return this.communes.map(un);
    if (dim === 'district') return this.districts.map(un);
    if (dim === 'sector') return this.sectors;
    return this.sizes;
  }
}

const empty = (pillarCount: number): CellStats => ({
  n: 0,
  hidden: false,
  sumTotal: 0,
  pillars: new Array<number>(pillarCount).fill(0),
});
