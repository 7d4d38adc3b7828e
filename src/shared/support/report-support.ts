import type { ReportSupport } from '../contracts/support-programs.js';
import type { SizeClass } from '../enterprises/size-class.js';
import { citationVi, DECREE_80_SUPPORT, type Decree80Item, eligibleSupport, formatVnd } from './decree80.js';
import { recommendCategories, WEAK_BELOW } from './platform-categories.js';

/** The support section of a firm's DX report: eligible Decree 80 support by size class, recommended categories. */
export function reportSupportFor(
  sizeClass: SizeClass,
  frameworkCode: string,
  nodes: Record<string, { score: number; max: number }>,
  reference: readonly Decree80Item[] = DECREE_80_SUPPORT,
): ReportSupport {
  const eligible = eligibleSupport(sizeClass, reference);
  const unconfirmed = eligible.items.some((i) => !i.confirmed);
  const note =
    sizeClass === 'large'
      ? {
          vi: 'Doanh nghiệp lớn không thuộc đối tượng hỗ trợ của Nghị định 80/2021/NĐ-CP (dành cho doanh nghiệp nhỏ và vừa).',
          en: 'Large enterprises are not eligible for support under Decree 80/2021/NĐ-CP (it is for small and medium-sized enterprises).',
        }
      : unconfirmed
        ? {
            vi: 'Mức hỗ trợ tối đa theo Điều 11 Nghị định 80/2021/NĐ-CP; một số mức chưa được đối chiếu với văn bản gốc của Nghị định — cần kiểm tra trước khi lập hồ sơ.',
            en: 'Maximum support under Decree 80/2021/NĐ-CP, Art. 11; some figures have not been checked against the decree’s own text — check them before applying.',
          }
        : {
            vi: 'Mức hỗ trợ tối đa theo Điều 11 Nghị định 80/2021/NĐ-CP.',
            en: 'Maximum support under Decree 80/2021/NĐ-CP, Art. 11.',
          };
  return {
    sizeClass,
    decree80: {
      items: eligible.items.map((i) => ({
        code: i.code,
        citation: citationVi(i.citation),
        title: i.title,
        maxSharePercent: i.maxSharePercent,
        capVnd: i.capForClassVnd,
        capText: formatVnd(i.capForClassVnd),
        per: i.per,
        confirmed: i.confirmed,
      })),
      maxPerYearVnd: eligible.maxPerYearVnd,
      maxPerYearText: formatVnd(eligible.maxPerYearVnd),
      note,
    },
    platformCategories: { weakBelow: WEAK_BELOW, items: recommendCategories(frameworkCode, nodes) },
  };
}
