import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { visibleQuestionCodes } from '../../../../shared/dx/answers.js';
import { notApplicable } from '../../../../shared/dx/applicability.js';
import { computeSizeClass } from '../../../../shared/enterprises/size-class.js';
import { allQuestions, type FrameworkDefinition, type Question } from '../../../../shared/dx/framework-format.js';
import { withCheckDigit } from '../../../../shared/enterprises/tax-code.js';
import { encodeAnswer } from '../import/answer-cells.js';
import { csvLine } from '../import/csv.js';
import { enterpriseColumns } from '../import/enterprises-import.js';
import { gauss, pick, rng, weighted } from './random.js';

export interface GeoData {
  /** communes from 2025-07-01: org-unit code and kind (`ward` is urban) */
  communes: { code: string; kind: string }[];
  /** pre-2025 communes (org-unit codes), and whether they were split */
  oldCommunes: { code: string; split: boolean }[];
  /** VSIC 2018 divisions by section letter */
  divisions: Record<string, string[]>;
}

/**
 * Rough shape of Hanoi's enterprise population by VSIC section (share of registered enterprises):
 * trade dominates, then construction, manufacturing, professional services, transport and ICT.
 */
const SECTORS = [
  'G',
  'F',
  'C',
  'M',
  'H',
  'J',
  'N',
  'I',
  'L',
  'P',
  'S',
  'K',
  'Q',
  'R',
  'A',
  'E',
  'D',
  'B',
  'O',
  'T',
  'U',
] as const;
const SECTOR_WEIGHTS = [34, 12, 12, 8, 6.5, 6, 4.5, 4, 3, 2.2, 2, 1.5, 1, 1, 1, 0.6, 0.3, 0.3, 0.05, 0.03, 0.02];
/** More maturity in ICT, finance and professional services; less in agriculture, construction, retail. */
const SECTOR_LIFT: Partial<Record<string, number>> = {
  J: 0.18,
  K: 0.15,
  M: 0.08,
  Q: 0.04,
  A: -0.12,
  F: -0.06,
  G: -0.03,
  I: -0.04,
  S: -0.05,
};
const NAME_A = [
  'An',
  'Bình',
  'Minh',
  'Phát',
  'Thịnh',
  'Hưng',
  'Việt',
  'Hà',
  'Long',
  'Thành',
  'Đông',
  'Nam',
  'Sao',
  'Mai',
  'Hồng',
  'Tân',
  'Phúc',
  'Lộc',
  'Hòa',
  'Kim',
];
const NAME_B = [
  'Thương mại',
  'Xây dựng',
  'Công nghệ',
  'Dịch vụ',
  'Sản xuất',
  'Vận tải',
  'Đầu tư',
  'Giải pháp số',
  'Thực phẩm',
  'Môi trường',
];
const FORMS = ['Công ty TNHH', 'Công ty TNHH', 'Công ty Cổ phần', 'Doanh nghiệp tư nhân', 'Công ty TNHH MTV'];
const STREETS = [
  'Láng Hạ',
  'Kim Mã',
  'Trần Duy Hưng',
  'Nguyễn Trãi',
  'Giải Phóng',
  'Cầu Giấy',
  'Lê Văn Lương',
  'Phạm Văn Đồng',
  'Nguyễn Văn Cừ',
  'Tây Sơn',
];
const BN = 1_000_000_000;

export interface GenerateOptions {
  enterprises: number;
  assessments: number;
  years: number[];
  seed: number;
  framework: FrameworkDefinition;
  geo: GeoData;
  /** tax-code prefix digits after "0" (default 1: Hanoi's 01…) — demo uses its own to stay apart */
  taxPrefix?: string;
}

async function write(out: Writable, text: string) {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Writes an enterprises file and an assessments file together, one enterprise at a time (flat memory).
 * Each enterprise draws from its own seeded generator, so its answers over the years are consistent:
 * a latent maturity set by size and sector that grows a little every year.
 */
export async function generate(o: GenerateOptions, enterprisesOut: Writable, assessmentsOut: Writable) {
  const years = [...o.years].sort((a, b) => a - b);
  if (o.assessments > o.enterprises * years.length) {
    throw new Error(`${o.assessments} assessments need more than ${o.enterprises} enterprises × ${years.length} years`);
  }
  const questions = allQuestions(o.framework).map((q) => q.question);
  const pickCommune = weighted(
    o.geo.communes,
    o.geo.communes.map((c) => (c.kind === 'ward' ? 3 : 1)),
  );
  const pickSector = weighted(SECTORS, SECTOR_WEIGHTS);
  const splitOld = o.geo.oldCommunes.filter((c) => c.split);
  const wholeOld = o.geo.oldCommunes.filter((c) => !c.split);
  const prefix = o.taxPrefix ?? '1';
  await write(enterprisesOut, csvLine([...enterpriseColumns]));
  await write(
    assessmentsOut,
    csvLine(['taxCode', 'frameworkCode', 'frameworkVersion', 'year', ...questions.map((q) => q.code)]),
  );
  let written = 0;
  let skipped = 0;
  for (let i = 0; i < o.enterprises; i++) {
    const r = rng((o.seed * 1_000_003 + i) >>> 0);
    // three consecutive candidates never all fail the check digit (the 9th digit's weight is 3)
    const nine = (k: number) => `0${prefix}${String(i * 3 + k).padStart(8 - prefix.length, '0')}`;
    const taxCode = [0, 1, 2].map((k) => withCheckDigit(nine(k))).find((c): c is string => !!c)!;
    const sector = pickSector(r);
    const u = r();
    const commune =
      u < 0.01 && splitOld.length
        ? pick(r, splitOld).code
        : u < 0.06 && wholeOld.length
          ? pick(r, wholeOld).code
          : pickCommune(r).code;
    // size: mostly micro and small, as in the registry
    const s = r();
    const employees =
      s < 0.68
        ? 1 + Math.floor(r() * 10)
        : s < 0.93
          ? 11 + Math.floor(r() * 40)
          : s < 0.97
            ? 51 + Math.floor(r() * 50)
            : 101 + Math.floor(r() * 900);
    const revenue = Math.round((employees * (0.3 + r() * 1.2) * BN) / 1e6) * 1e6;
    const capital = Math.round((employees * (0.1 + r() * 0.6) * BN) / 1e6) * 1e6;
    const divisions = o.geo.divisions[sector] ?? [];
    const industry = divisions.length && r() < 0.8 ? pick(r, divisions) : '';
    const name = `${pick(r, FORMS)} ${pick(r, NAME_B)} ${pick(r, NAME_A)} ${pick(r, NAME_A)} ${i + 1}`;
    const address = `Số ${1 + Math.floor(r() * 300)} ${pick(r, STREETS)}, Hà Nội`;
    await write(
      enterprisesOut,
      csvLine([taxCode, name, address, commune, sector, industry, employees, revenue, capital]),
    );

    // this enterprise's share of assessments: consecutive years ending at a random year
    const count = Math.min(years.length, Math.floor((o.assessments * (i + 1)) / o.enterprises) - written);
    written += count;
    if (!count) continue;
    // a framework not meant for this firm (DBI-SME for a large firm): no assessment at all, rather than one with an
    // invented override reason; its share is simply not written, so every other firm's rows stay as they were
    if (
      notApplicable(o.framework.appliesTo, {
        sizeClass: computeSizeClass(sector, employees, revenue, capital).sizeClass,
        vsicSection: sector,
      })
    ) {
      skipped += count;
      continue;
    }
    const end = count + Math.floor(r() * (years.length - count + 1));
    let maturity = Math.min(
      0.95,
      Math.max(0.02, 0.3 + 0.08 * Math.log10(employees) + (SECTOR_LIFT[sector] ?? 0) + 0.15 * gauss(r)),
    );
    for (let y = end - count; y < end; y++) {
      const answers = answer(questions, maturity, r, o.framework);
      await write(
        assessmentsOut,
        csvLine([
          taxCode,
          o.framework.code,
          o.framework.version,
          years[y],
          ...questions.map((q) => encodeAnswer(answers[q.code])),
        ]),
      );
      maturity = Math.min(0.98, maturity + 0.02 + 0.05 * r());
    }
  }
  enterprisesOut.end();
  assessmentsOut.end();
  await Promise.all([once(enterprisesOut, 'finish'), once(assessmentsOut, 'finish')]);
  // `skipped`: the shares of firms the framework is not for (counted in the allocation, never written)
  return { enterprises: o.enterprises, assessments: written - skipped, skipped };
}

function answer(questions: Question[], m: number, r: () => number, def: FrameworkDefinition): Record<string, unknown> {
  const a: Record<string, unknown> = {};
  const p = () => Math.min(1, Math.max(0, m + 0.2 * gauss(r)));
  for (const q of questions) {
    if (!q.required && r() < 0.04) continue;
    switch (q.type) {
      case 'single': {
        const opts = [...q.options].sort((x, y) => x.score - y.score);
        a[q.code] = opts[Math.min(opts.length - 1, Math.floor(p() * opts.length))].code;
        break;
      }
      case 'multi':
        a[q.code] = q.options.filter(() => r() < p()).map((o) => o.code);
        break;
      case 'yesno':
        a[q.code] = r() < p();
        break;
      case 'number':
      case 'ratio': {
        const lo = q.min ?? (q.type === 'ratio' ? 0 : q.bands[0].from);
        const hi = q.max ?? (q.type === 'ratio' ? 100 : Math.max(lo + 1, q.bands[q.bands.length - 1].from * 1.5));
        a[q.code] = Math.round(lo + p() * (hi - lo));
        break;
      }
      default:
        break; // text and file evidence: not in a bulk file
    }
  }
  const shown = visibleQuestionCodes(def, a);
  for (const code of Object.keys(a)) if (!shown.has(code)) delete a[code];
  return a;
}
