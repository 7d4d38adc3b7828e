import { sizeClasses, type SizeClass } from '../enterprises/size-class.js';

/**
 * Support for small and medium-sized enterprises' digital transformation under Decree 80/2021/NĐ-CP (26/08/2021,
 * in force 15/10/2021), Article 11 ("Hỗ trợ công nghệ"), as reference data: what a firm of each size class may get
 * per year at most. Large firms get nothing under Decree 80 (the decree is about SMEs: Art. 2, Art. 5).
 *
 * `confirmed`: whether the figure, the share and the article/clause/point were checked against the decree's own
 * text. They were NOT: the text of Article 11 itself could not be read from the sources available when this file
 * was written; the figures below are those reported by secondary legal summaries (named in `checkedAgainst`), so
 * every item is `confirmed: false` until someone compares it with the decree (vbpl.vn / Công báo) and flips it.
 * The clause and point numbers follow the same summaries' order and are part of what is unconfirmed.
 */
export interface Decree80Item {
  code: 'TECH_TRANSFER_CONSULTING' | 'DX_CONSULTING' | 'DX_SOLUTIONS';
  citation: { decree: '80/2021/NĐ-CP'; article: number; clause: number; point: string };
  title: { vi: string; en: string };
  /** the largest share of the cost the State pays */
  maxSharePercent: number;
  /** the most per year, by size class; a class not listed gets nothing under this item */
  capVnd: Partial<Record<SizeClass, number>>;
  /** what the cap counts: per contract and year, or per year */
  per: 'contract_year' | 'year';
  confirmed: boolean;
  checkedAgainst: string;
}

const M = 1_000_000;

export const DECREE_80_SUPPORT: readonly Decree80Item[] = [
  {
    code: 'TECH_TRANSFER_CONSULTING',
    citation: { decree: '80/2021/NĐ-CP', article: 11, clause: 1, point: 'a' },
    title: {
      vi: 'Hỗ trợ tối đa 50% giá trị hợp đồng tư vấn chuyển giao công nghệ phù hợp với doanh nghiệp',
      en: 'Up to 50 % of the value of a technology-transfer consulting contract suited to the firm',
    },
    maxSharePercent: 50,
    capVnd: { micro: 100 * M, small: 100 * M, medium: 100 * M },
    per: 'contract_year',
    confirmed: false,
    checkedAgainst:
      'secondary summaries (t2hlawyers.vn, chusepepper.com.au: "not exceeding 100 million VND/contract/year/enterprise"); decree text not read',
  },
  {
    code: 'DX_CONSULTING',
    citation: { decree: '80/2021/NĐ-CP', article: 11, clause: 1, point: 'b' },
    title: {
      vi: 'Hỗ trợ tối đa 50% giá trị hợp đồng tư vấn giải pháp chuyển đổi số (quy trình kinh doanh, quản trị, sản xuất, công nghệ, chuyển đổi mô hình kinh doanh)',
      en: 'Up to 50 % of the value of a contract for consulting on digital-transformation solutions (business, management, production and technology processes, business-model change)',
    },
    maxSharePercent: 50,
    // the summaries name small (50 M) and medium (100 M) firms only; micro firms are not named for this item
    capVnd: { small: 50 * M, medium: 100 * M },
    per: 'contract_year',
    confirmed: false,
    checkedAgainst:
      'secondary summaries (english.luatvietnam.vn summary of the decree, t2hlawyers.vn: "not exceeding VND 50 million/contract/year for small enterprises and 100 million for medium"); decree text not read',
  },
  {
    code: 'DX_SOLUTIONS',
    citation: { decree: '80/2021/NĐ-CP', article: 11, clause: 1, point: 'c' },
    title: {
      vi: 'Hỗ trợ tối đa 50% chi phí thuê, mua các giải pháp chuyển đổi số để tự động hóa, nâng cao hiệu quả quy trình kinh doanh, quản trị, sản xuất, công nghệ',
      en: 'Up to 50 % of the cost of renting or buying digital-transformation solutions that automate and improve business, management, production and technology processes',
    },
    maxSharePercent: 50,
    capVnd: { micro: 20 * M, small: 50 * M, medium: 100 * M },
    per: 'year',
    confirmed: false,
    checkedAgainst:
      'secondary summary (vietlawonline.com, vbpl113929: "không quá 20 triệu/năm (siêu nhỏ); 50 triệu/năm (nhỏ); 100 triệu/năm (vừa)"), the same figures as issue 13; decree text not read',
  },
];

export interface EligibleSupport {
  sizeClass: SizeClass;
  items: (Decree80Item & { capForClassVnd: number })[];
  /** the most all items give a firm of this class in a year (one contract per item) */
  maxPerYearVnd: number;
}

/** What a firm of this size class may get under Decree 80, Art. 11 (large: nothing). */
export function eligibleSupport(sizeClass: SizeClass): EligibleSupport {
  const items = DECREE_80_SUPPORT.flatMap((item) => {
    const cap = item.capVnd[sizeClass];
    return cap === undefined ? [] : [{ ...item, capForClassVnd: cap }];
  });
  return { sizeClass, items, maxPerYearVnd: items.reduce((s, i) => s + i.capForClassVnd, 0) };
}

/** The most Decree 80 support a cohort implies in a year: Σ over its firms of their class's maximum. */
export function cohortMaxBudget(counts: Partial<Record<SizeClass, number>>) {
  const byClass = sizeClasses.map((sizeClass) => {
    const firms = counts[sizeClass] ?? 0;
    const perFirmVnd = eligibleSupport(sizeClass).maxPerYearVnd;
    return { sizeClass, firms, perFirmVnd, totalVnd: firms * perFirmVnd };
  });
  return { byClass, totalVnd: byClass.reduce((s, c) => s + c.totalVnd, 0) };
}

/** "1.234.567.890 ₫": VND the Vietnamese way (dots between thousands, no decimals). */
export const formatVnd = (v: number) =>
  `${Math.round(v)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;

/** "Điều 11 khoản 1 điểm b Nghị định 80/2021/NĐ-CP". */
export const citationVi = (c: Decree80Item['citation']) =>
  `Điều ${c.article} khoản ${c.clause} điểm ${c.point} Nghị định ${c.decree}`;
