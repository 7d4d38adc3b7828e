/**
 * A tiny, safe expression language for derived indicators: numbers, indicator codes, + - * / and
 * parentheses. Parsed once into a tree, evaluated without `eval`; a division by zero or a missing
 * operand gives `null` with a reason, never Infinity or NaN.
 */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; code: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

export type EvalResult =
  | { value: number; reason: null }
  | { value: null; reason: 'division_by_zero' | 'missing_value' | 'not_finite'; code?: string };

export class FormulaError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

type Token =
  { t: 'num'; v: number; at: number } | { t: 'id'; v: string; at: number } | { t: 'op'; v: string; at: number };

const MAX_LENGTH = 500;

function tokenize(src: string): Token[] {
  if (src.length > MAX_LENGTH) throw new FormulaError(`longer than ${MAX_LENGTH} characters`, MAX_LENGTH);
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(\d+(\.\d+)?)/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[1]), at: i });
      i += num[1].length;
      continue;
    }
    const ident = /^([A-Za-z_][A-Za-z0-9_.]*)/.exec(src.slice(i));
    if (ident) {
      out.push({ t: 'id', v: ident[1], at: i });
      i += ident[1].length;
      continue;
    }
    if ('+-*/()'.includes(c)) {
      out.push({ t: 'op', v: c, at: i });
      i++;
      continue;
    }
    throw new FormulaError(`unexpected character "${c}"`, i);
  }
  return out;
}

/** Parses `a / b * 100`; throws FormulaError naming the position of the first problem. */
export function parseFormula(src: string): Expr {
  const tokens = tokenize(src);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos];
  const at = () => peek()?.at ?? src.length;

  function primary(): Expr {
    const tok = peek();
    if (!tok) throw new FormulaError('expression ends too early', src.length);
    pos++;
    if (tok.t === 'num') return { kind: 'num', value: tok.v };
    if (tok.t === 'id') return { kind: 'ref', code: tok.v };
    if (tok.v === '-') return { kind: 'neg', arg: primary() };
    if (tok.v === '(') {
      if (++depth > 50) throw new FormulaError('too deeply nested', tok.at);
      const e = sum();
      const close = peek();
      if (!close || close.v !== ')') throw new FormulaError('missing ")"', at());
      pos++;
      depth--;
      return e;
    }
    throw new FormulaError(`unexpected "${tok.v}"`, tok.at);
  }
  function product(): Expr {
    let left = primary();
    while (peek()?.t === 'op' && (peek().v === '*' || peek().v === '/')) {
      const op = peek().v as '*' | '/';
      pos++;
      left = { kind: 'bin', op, left, right: primary() };
    }
    return left;
  }
  function sum(): Expr {
    let left = product();
    while (peek()?.t === 'op' && (peek().v === '+' || peek().v === '-')) {
      const op = peek().v as '+' | '-';
      pos++;
      left = { kind: 'bin', op, left, right: product() };
    }
    return left;
  }
  if (!tokens.length) throw new FormulaError('empty formula', 0);
  const expr = sum();
  if (pos < tokens.length) throw new FormulaError(`unexpected "${tokens[pos].v}"`, tokens[pos].at);
  return expr;
}

/** The indicator codes a formula reads, in order of first use. */
export function formulaRefs(expr: Expr, into: string[] = []): string[] {
  if (expr.kind === 'ref' && !into.includes(expr.code)) into.push(expr.code);
  if (expr.kind === 'neg') formulaRefs(expr.arg, into);
  if (expr.kind === 'bin') {
    formulaRefs(expr.left, into);
    formulaRefs(expr.right, into);
  }
  return into;
}

export function evaluate(expr: Expr, values: (code: string) => number | null | undefined): EvalResult {
  switch (expr.kind) {
    case 'num':
      return { value: expr.value, reason: null };
    case 'ref': {
      const v = values(expr.code);
      return v === null || v === undefined || !Number.isFinite(v)
        ? { value: null, reason: 'missing_value', code: expr.code }
        : { value: v, reason: null };
    }
    case 'neg': {
      const r = evaluate(expr.arg, values);
      return r.value === null ? r : { value: -r.value, reason: null };
    }
    case 'bin': {
      const l = evaluate(expr.left, values);
      if (l.value === null) return l;
      const r = evaluate(expr.right, values);
      if (r.value === null) return r;
      if (expr.op === '/' && r.value === 0) return { value: null, reason: 'division_by_zero' };
      const v =
        expr.op === '+'
          ? l.value + r.value
          : expr.op === '-'
            ? l.value - r.value
            : expr.op === '*'
              ? l.value * r.value
              : l.value / r.value;
      return Number.isFinite(v) ? { value: v, reason: null } : { value: null, reason: 'not_finite' };
    }
  }
}

/** Parse and evaluate in one step; a bad formula is reported as a reason rather than thrown. */
export function evaluateFormula(
  src: string,
  values: (code: string) => number | null | undefined,
): EvalResult | { value: null; reason: 'invalid_formula' } {
  try {
    return evaluate(parseFormula(src), values);
  } catch (err) {
    if (err instanceof FormulaError) return { value: null, reason: 'invalid_formula' };
    throw err;
  }
}
