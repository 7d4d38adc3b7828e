import type { ReactNode } from 'react';
// The web app's own strings (plain data, no browser code): a first view says exactly what its page says.
import { commonStrings } from '../../web/i18n/common.js';
import { fillPlaceholders } from '../../shared/text.js';
import type { FirstViewLanguage } from './first-view.js';

/** i18next's plural keys (`key_one`, `key_other`) by the language's plural rules. */
export function plural(strings: Record<string, unknown>, key: string, count: number, language: FirstViewLanguage) {
  const form = new Intl.PluralRules(language).select(count);
  const text = strings[`${key}_${form}`] ?? strings[`${key}_other`];
  if (typeof text !== 'string') throw new Error(`no plural string ${key}`);
  return fillPlaceholders(text, { count });
}

/** The document's title, as the web app's `PageHeader` sets it. */
export const pageTitle = (title: string, language: FirstViewLanguage) =>
  `${title} · ${commonStrings[language].app.shortName}`;

/**
 * The app's frame as plain HTML: the header with the app's name, the side menu's place and the content. Same sizes
 * as the web app's layout (styles.css, app-layout.tsx), so the page does not jump when the web app takes over.
 */
export function FirstViewShell({ language, children }: { language: FirstViewLanguage; children: ReactNode }) {
  return (
    <div className="fv-shell">
      <header className="fv-header">
        <a href="/" className="fv-title">
          <span className="fv-wide">{commonStrings[language].app.name}</span>
          <span className="fv-narrow">{commonStrings[language].app.shortName}</span>
        </a>
      </header>
      <div className="fv-body">
        <div className="fv-sider" />
        <main className="fv-content">{children}</main>
      </div>
    </div>
  );
}

/**
 * Its styles, inline in the document (a stylesheet would cost the round trip the first view saves). The web app's
 * root stays laid out but unseen while the first view is in the document, and shows when the web app removes it.
 */
export const FIRST_VIEW_CSS = `
#first-view~#root{position:absolute;top:0;left:0;right:0;visibility:hidden}
#first-view{min-height:100vh;background:#f5f5f5;color:rgba(0,0,0,.88);font-size:14px;line-height:1.5715;
font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans',sans-serif}
#first-view *{box-sizing:border-box}
#first-view a{color:#1f4e9c;text-decoration:none}
.fv-header{position:sticky;top:0;display:flex;align-items:center;height:56px;padding:0 16px;background:#fff;
border-bottom:1px solid #e5e7eb}
#first-view .fv-title{overflow:hidden;color:#1f4e9c;font-size:17px;font-weight:600;white-space:nowrap;text-overflow:ellipsis}
.fv-body{display:flex}
.fv-sider{flex:none;width:248px;min-height:calc(100vh - 56px);background:#fff;border-right:1px solid #e5e7eb}
.fv-content{flex:1;min-width:0;padding:24px}
.fv-h1{margin:4px 0 16px;font-size:22px;font-weight:600;line-height:1.35}
.fv-card{padding:24px;background:#fff;border:1px solid #f0f0f0;border-radius:8px}
.fv-card h2{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px;margin:-24px -24px 16px;
padding:16px 24px;font-size:16px;font-weight:600;border-bottom:1px solid #f0f0f0}
.fv-card h2 a{font-weight:400}
.fv-card-small{padding:12px}
.fv-card-small h2{margin:-12px -12px 8px;padding:8px 12px;font-size:14px}
.fv-badge{display:inline-block;min-width:20px;padding:0 6px;color:#fff;font-size:12px;line-height:20px;text-align:center;
background:#1f4e9c;border-radius:10px}
.fv-plain{margin:0;padding:0;list-style:none}
.fv-line{display:flex;flex-direction:column;gap:2px;padding:10px 0;border-bottom:1px solid #f0f0f0}
.fv-line:last-child{border-bottom:none}
.fv-meta{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px}
.fv-tag{padding:0 7px;font-size:12px;line-height:20px;border:1px solid;border-radius:4px}
.fv-tag-red{color:#a8071a;background:#fff1f0;border-color:#ffa39e}
.fv-tag-orange{color:#ad4e00;background:#fff7e6;border-color:#ffd591}
.fv-tag-blue{color:#1f4e9c;background:#e6f4ff;border-color:#91caff}
.fv-comment{margin:4px 0 0;padding-left:8px;white-space:pre-wrap;border-left:3px solid #faad14}
.fv-empty{display:flex;flex-direction:column;align-items:center;gap:4px;padding:16px;text-align:center}
.fv-grid-sections{grid-template-columns:repeat(2,minmax(0,1fr))}
.fv-narrow{display:none}
.fv-muted{color:rgba(0,0,0,.65)}
.fv-small{font-size:12px}
.fv-danger{color:#cf1322}
.fv-grid{display:grid;gap:16px;margin-bottom:16px}
.fv-grid4{grid-template-columns:repeat(4,minmax(0,1fr))}
.fv-grid2{grid-template-columns:repeat(2,minmax(0,1fr))}
.fv-stat-value{font-size:24px;line-height:1.4}
.fv-list{margin:0;padding:0;list-style:none}
.fv-list li{display:flex;justify-content:space-between;gap:8px;padding:4px 0}
.fv-bar{height:8px;margin-top:4px;background:rgba(0,0,0,.06);border-radius:4px}
.fv-bar>span{display:block;height:8px;background:#1f4e9c;border-radius:4px}
.fv-table{width:100%;border-collapse:collapse}
.fv-table th,.fv-table td{padding:8px;text-align:left;vertical-align:top;border-bottom:1px solid #f0f0f0}
.fv-table th{font-weight:600;background:#fafafa}
.fv-table tbody tr{background:#fff1f0}
@media (max-width:1199px){.fv-grid-sections{grid-template-columns:minmax(0,1fr)}}
@media (max-width:991px){.fv-sider{width:80px}.fv-grid4{grid-template-columns:repeat(2,minmax(0,1fr))}
.fv-grid2{grid-template-columns:minmax(0,1fr)}}
@media (max-width:767px){.fv-sider{display:none}.fv-content{padding:12px}.fv-phone-hide{display:none}.fv-wide{display:none}
.fv-narrow{display:inline}}
`.replace(/\n/g, '');
