/** `--name value` and `--flag` pairs; positional arguments in `_`. */
export function parseArgs(argv: string[]): { _: string[]; [k: string]: string | string[] | undefined } {
  const out: { _: string[]; [k: string]: string | string[] | undefined } = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) out[k] = v;
      else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[k] = argv[++i];
      else out[k] = 'true';
    } else out._.push(a);
  }
  return out;
}

export const intArg = (v: unknown, name: string, dflt: number): number => {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
};

/** `2021-2025` or `2023,2024,2025`. */
export const yearsArg = (v: unknown, dflt: number[]): number[] => {
  if (typeof v !== 'string') return dflt;
  const range = /^(\d{4})-(\d{4})$/.exec(v);
  if (range) return Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i);
  return v.split(',').map(Number);
};
