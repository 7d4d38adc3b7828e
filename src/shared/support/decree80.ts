import type { SupportKind } from '../contracts/support-programs.js';
import { sizeClasses, type SizeClass } from '../enterprises/size-class.js';

/**
 * Support for small and medium-sized enterprises under Decree 80/2021/NĐ-CP (26/08/2021, in force 15/10/2021),
 * Article 11 (in the English quotation: "Technology support for small and medium enterprises"), as reference data:
 * what a firm of each size class may get per year at most. Clauses 1–4 are the four supports below, in the decree's
 * order; clause 5 assigns duties and gives nothing. Large firms get nothing under Decree 80 (it is about SMEs: Art. 2, Art. 5).
 *
 * `confirmed`: the figure, the share, who is named and the article and clause were compared with the article's own
 * text, not a summary of it (`checkedAgainst` says which). Every item here was compared with the full text of
 * Article 11 as a legal database quotes it, clause by clause, in English translation; the Vietnamese original (Công
 * báo, vbpl.vn) was not available to compare wording with. An item added from a summary starts `confirmed: false`,
 * and the report and the cohort budget then say that some figure is not checked.
 */
export interface Decree80Item {
  code: 'DX_CONSULTING' | 'DX_SOLUTIONS' | 'IP_CONSULTING' | 'TECH_TRANSFER_CONSULTING';
  /** the kind of support a program offers and records it under */
  kind: SupportKind;
  citation: { decree: '80/2021/NĐ-CP'; article: number; clause: number; point?: string };
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

const ARTICLE_11_QUOTED =
  'Article 11 as quoted in full, clause by clause, in English translation, by lawnet.vn ("Pursuant to Article 11 of ' +
  'Decree 80/2021/ND-CP ... Article 11. Technology support for small and medium enterprises"); the same figures in ' +
  "vietlawonline.com's Vietnamese summary (vbpl113929) and in Nghệ An's notice of the support (vietnaminsider.vn)";

/** A clause of Art. 11 as checked against the article's quoted text: the State pays at most half of the cost. */
const article11 = (
  clause: number,
  item: Pick<Decree80Item, 'code' | 'kind' | 'title' | 'capVnd' | 'per'>,
): Decree80Item => ({
  ...item,
  citation: { decree: '80/2021/NĐ-CP', article: 11, clause },
  maxSharePercent: 50,
  confirmed: true,
  checkedAgainst: ARTICLE_11_QUOTED,
});

export const DECREE_80_SUPPORT: readonly Decree80Item[] = [
  article11(1, {
    code: 'DX_CONSULTING',
    kind: 'dx_consulting',
    title: {
      vi: 'Hỗ trợ tối đa 50% giá trị hợp đồng tư vấn giải pháp chuyển đổi số (quy trình kinh doanh, quản trị, sản xuất, công nghệ, chuyển đổi mô hình kinh doanh)',
      en: 'Up to 50 % of the value of a contract for consulting on digital-transformation solutions (business, management, production and technology processes, business-model change)',
    },
    // the clause names small (50 M) and medium (100 M) firms only: micro firms get nothing under it
    capVnd: { small: 50 * M, medium: 100 * M },
    per: 'contract_year',
  }),
  article11(2, {
    code: 'DX_SOLUTIONS',
    kind: 'dx_solutions',
    title: {
      vi: 'Hỗ trợ tối đa 50% chi phí thuê, mua các giải pháp chuyển đổi số để tự động hóa, nâng cao hiệu quả quy trình kinh doanh, quản trị, sản xuất, công nghệ',
      en: 'Up to 50 % of the cost of renting or buying digital-transformation solutions that automate and improve business, management, production and technology processes',
    },
    capVnd: { micro: 20 * M, small: 50 * M, medium: 100 * M },
    per: 'year',
  }),
  article11(3, {
    code: 'IP_CONSULTING',
    kind: 'ip_consulting',
    title: {
      vi: 'Hỗ trợ tối đa 50% giá trị hợp đồng tư vấn xác lập quyền sở hữu trí tuệ; tư vấn quản lý và phát triển sản phẩm, dịch vụ được bảo hộ quyền sở hữu trí tuệ của doanh nghiệp',
      en: 'Up to 50 % of the value of a consulting contract on establishing intellectual property rights, and on managing and developing the firm’s products and services protected by them',
    },
    capVnd: { micro: 100 * M, small: 100 * M, medium: 100 * M },
    per: 'contract_year',
  }),
  article11(4, {
    code: 'TECH_TRANSFER_CONSULTING',
    kind: 'tech_transfer_consulting',
    title: {
      vi: 'Hỗ trợ tối đa 50% giá trị hợp đồng tư vấn chuyển giao công nghệ phù hợp với doanh nghiệp',
      en: 'Up to 50 % of the value of a technology-transfer consulting contract suited to the firm',
    },
    capVnd: { micro: 100 * M, small: 100 * M, medium: 100 * M },
    per: 'contract_year',
  }),
];

export interface EligibleSupport {
  sizeClass: SizeClass;
  items: (Decree80Item & { capForClassVnd: number })[];
  /** the most all items give a firm of this class in a year (one contract per item) */
  maxPerYearVnd: number;
}

/** What a firm of this size class may get under Decree 80, Art. 11 (large: nothing). */
export function eligibleSupport(
  sizeClass: SizeClass,
  reference: readonly Decree80Item[] = DECREE_80_SUPPORT,
): EligibleSupport {
  const items = reference.flatMap((item) => {
    const cap = item.capVnd[sizeClass];
    return cap === undefined ? [] : [{ ...item, capForClassVnd: cap }];
  });
  return { sizeClass, items, maxPerYearVnd: items.reduce((s, i) => s + i.capForClassVnd, 0) };
}

/**
 * The most Decree 80 support a cohort implies in a year for the kinds of support its program offers: Σ over its firms
 * of their class's maximum under the items of those kinds (a kind without a Decree 80 item adds nothing).
 */
export function cohortMaxBudget(counts: Partial<Record<SizeClass, number>>, kinds: readonly SupportKind[]) {
  const items = DECREE_80_SUPPORT.filter((i) => kinds.includes(i.kind));
  const byClass = sizeClasses.map((sizeClass) => {
    const firms = counts[sizeClass] ?? 0;
    const perFirmVnd = eligibleSupport(sizeClass, items).maxPerYearVnd;
    return { sizeClass, firms, perFirmVnd, totalVnd: firms * perFirmVnd };
  });
  return { byClass, totalVnd: byClass.reduce((s, c) => s + c.totalVnd, 0), items };
}

/** "1.234.567.890 ₫": VND the Vietnamese way (dots between thousands, no decimals). */
export const formatVnd = (v: number) =>
  `${Math.round(v)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;

/** "Điều 11 khoản 2 Nghị định 80/2021/NĐ-CP" (with "điểm a" after the clause when an item cites a point). */
export const citationVi = (c: Decree80Item['citation']) =>
  `Điều ${c.article} khoản ${c.clause}${c.point ? ` điểm ${c.point}` : ''} Nghị định ${c.decree}`;
