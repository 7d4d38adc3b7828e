/**
 * Categories of digital platforms a firm may adopt (never vendors), and, for each bundled DX framework, which of
 * its pillars or groups point to which categories when the firm answers them weakly.
 *
 * Weak: a node (pillar, group or question group) of the score snapshot whose score is below `WEAK_BELOW` of its
 * maximum (under half the points it could have had). A node with no points to win (max 0) is never weak.
 * A framework without a mapping (an imported one) recommends nothing: the mapping is written per framework.
 */
export const WEAK_BELOW = 0.5;

export const platformCategoryCodes = [
  'erp',
  'hr',
  'accounting_einvoice',
  'sales_ecommerce',
  'crm',
  'logistics',
  'security',
  'collaboration',
  'digital_payments',
  'data_analytics',
  'production',
  'digital_skills',
  'cloud',
  'automation_ai',
] as const;
export type PlatformCategory = (typeof platformCategoryCodes)[number];

export const platformCategories: Record<PlatformCategory, { vi: string; en: string }> = {
  erp: { vi: 'Quản trị doanh nghiệp tổng thể (ERP)', en: 'Enterprise management (ERP)' },
  hr: { vi: 'Quản trị nhân sự, chấm công, tiền lương', en: 'HR, attendance and payroll' },
  accounting_einvoice: { vi: 'Kế toán và hóa đơn điện tử', en: 'Accounting and e-invoicing' },
  sales_ecommerce: { vi: 'Quản lý bán hàng và thương mại điện tử', en: 'Sales management and e-commerce' },
  crm: { vi: 'Quản lý quan hệ khách hàng (CRM)', en: 'Customer relationship management (CRM)' },
  logistics: { vi: 'Kho vận, mua hàng và chuỗi cung ứng', en: 'Logistics, purchasing and supply chain' },
  security: { vi: 'An toàn thông tin và sao lưu dữ liệu', en: 'Information security and backup' },
  collaboration: {
    vi: 'Văn phòng số: văn bản, phê duyệt, giao việc',
    en: 'Digital office: documents, approvals, tasks',
  },
  digital_payments: { vi: 'Thanh toán số, ngân hàng số', en: 'Digital payments and online banking' },
  data_analytics: { vi: 'Dữ liệu và báo cáo quản trị (BI)', en: 'Data and management reporting (BI)' },
  production: {
    vi: 'Quản lý sản xuất, chất lượng và truy xuất nguồn gốc',
    en: 'Production, quality and traceability',
  },
  digital_skills: { vi: 'Đào tạo kỹ năng số trực tuyến', en: 'Online digital-skills training' },
  cloud: { vi: 'Hạ tầng điện toán đám mây, thiết bị và kết nối', en: 'Cloud infrastructure, devices and connectivity' },
  automation_ai: { vi: 'Tự động hóa và trí tuệ nhân tạo', en: 'Automation and artificial intelligence' },
};

type Mapping = Record<string, readonly PlatformCategory[]>;

/** Framework code → node code (as in the framework's JSON) → the categories a weak answer there points to. */
export const frameworkCategoryMap: Record<string, Mapping> = {
  'DBI-SME': {
    'CX-1': ['sales_ecommerce'],
    'CX-2': ['sales_ecommerce'],
    'CX-3': ['sales_ecommerce'],
    'CX-4': ['digital_payments'],
    'CX-5': ['sales_ecommerce'],
    'CX-6': ['crm'],
    'CX-7': ['crm'],
    'CX-8': ['crm'],
    'CX-9': ['crm'],
    'CX-10': ['crm'],
    'CX-11': ['security'],
    'CX-12': ['accounting_einvoice'],
    'CX-13': ['data_analytics'],
    'IT-1': ['cloud'],
    'IT-2': ['cloud'],
    'IT-3': ['security'],
    'IT-4': ['collaboration'],
    'IT-5': ['accounting_einvoice'],
    'IT-6': ['hr'],
    'IT-7': ['sales_ecommerce', 'logistics'],
    'IT-8': ['cloud'],
    'IT-9': ['erp'],
    'IT-11': ['security'],
    'IT-12': ['security'],
    'IT-13': ['security', 'digital_skills'],
    'IT-14': ['security'],
    'IT-15': ['security'],
    'OP-1': ['collaboration'],
    'OP-2': ['collaboration'],
    'OP-3': ['collaboration'],
    'OP-4': ['collaboration'],
    'OP-5': ['collaboration', 'cloud'],
    'OP-6': ['logistics'],
    'OP-7': ['logistics'],
    'OP-8': ['erp', 'production'],
    'OP-9': ['automation_ai'],
    'OP-10': ['production'],
    'OP-11': ['digital_payments'],
    'OP-12': ['digital_payments'],
    'OP-13': ['accounting_einvoice', 'data_analytics'],
    'CU-4': ['digital_skills'],
    'CU-5': ['digital_skills'],
    'CU-6': ['digital_skills'],
    'CU-7': ['digital_skills'],
    'DA-1': ['erp'],
    'DA-2': ['erp'],
    'DA-3': ['data_analytics'],
    'DA-4': ['data_analytics'],
    'DA-5': ['data_analytics'],
    'DA-6': ['erp'],
    'DA-7': ['security'],
  },
  'EU-DMA-SME': {
    DBS: ['erp'],
    DRE: ['cloud', 'erp'],
    HCD: ['digital_skills'],
    DMG: ['data_analytics', 'security'],
    AAI: ['automation_ai'],
  },
};

export interface CategoryRecommendation {
  code: PlatformCategory;
  name: { vi: string; en: string };
  /** the weak nodes that point here, weakest first */
  because: { node: string; share: number }[];
}

/**
 * The categories the weak nodes of a scored assessment point to: most weak nodes first, then the weakest. Categories
 * only, never vendors.
 */
export function recommendCategories(
  frameworkCode: string,
  nodes: Record<string, { score: number; max: number }>,
  weakBelow = WEAK_BELOW,
): CategoryRecommendation[] {
  const map = frameworkCategoryMap[frameworkCode];
  if (!map) return [];
  const found = new Map<PlatformCategory, { node: string; share: number }[]>();
  for (const [node, categories] of Object.entries(map)) {
    const s = nodes[node];
    if (!s || !(s.max > 0)) continue;
    const share = s.score / s.max;
    if (share >= weakBelow) continue;
    for (const c of categories) found.set(c, [...(found.get(c) ?? []), { node, share: Math.round(share * 100) / 100 }]);
  }
  return [...found.entries()]
    .map(([code, because]) => ({
      code,
      name: platformCategories[code],
      because: because.sort((a, b) => a.share - b.share || a.node.localeCompare(b.node)),
    }))
    .sort(
      (a, b) =>
        b.because.length - a.because.length ||
        a.because[0].share - b.because[0].share ||
        platformCategoryCodes.indexOf(a.code) - platformCategoryCodes.indexOf(b.code),
    );
}
