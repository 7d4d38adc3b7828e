import {
  MY_WORK_DATES_AHEAD_DAYS,
  myWorkLateReasons,
  myWorkReturnedReasons,
  type MyWork,
  type MyWorkItem,
  type MyWorkSectionData,
} from '../../../shared/contracts/my-work.js';
import { labels } from '../../../shared/labels.js';
// the web page's own strings: the first view and the page say the same words (first-view-shell.tsx)
import myWorkStrings from '../../../web/features/my-work/i18n.js';
import { defineFirstView, type FirstViewLanguage } from '../../http/first-view.js';
import { FirstViewShell, pageTitle } from '../../http/first-view-shell.js';
import { fillPlaceholders } from '../../../shared/text.js';
import { formatDateVi } from '../documents/format.js';

type Strings = (typeof myWorkStrings)['vi'];

const date = (iso: string) => formatDateVi(iso.slice(0, 10));

function Line({ item, s, language }: { item: MyWorkItem; s: Strings; language: FirstViewLanguage }) {
  const statuses: Record<string, string> = labels[language].inspectionStatus;
  const next = item.nextStatus ? (statuses[item.nextStatus] ?? item.nextStatus) : '';
  const tone = myWorkLateReasons.has(item.reason)
    ? 'fv-tag-red'
    : myWorkReturnedReasons.has(item.reason)
      ? 'fv-tag-orange'
      : 'fv-tag-blue';
  return (
    <li className="fv-line">
      <a href={item.link}>{item.title}</a>
      <span className="fv-meta">
        <span className={`fv-tag ${tone}`}>
          {fillPlaceholders(s.reasons[item.reason], { days: item.days ?? 0, next })}
        </span>
        {item.dueDate && <span className="fv-muted">{fillPlaceholders(s.due, { date: date(item.dueDate) })}</span>}
        {item.context && <span className="fv-muted">{item.context}</span>}
        {item.breakdown && <span className="fv-muted">{fillPlaceholders(s.breakdown, item.breakdown)}</span>}
      </span>
      {item.comment && (
        <p className="fv-comment">
          <span className="fv-muted">{s.returnedComment}</span> {item.comment}
        </p>
      )}
    </li>
  );
}

function Section({ section, s, language }: { section: MyWorkSectionData; s: Strings; language: FirstViewLanguage }) {
  return (
    <section className="fv-card fv-card-small">
      <h2>
        <span>
          {s.sections[section.key]} <span className="fv-badge">{section.count}</span>
        </span>
        {section.more && section.count > section.items.length && (
          <a href={section.more} className="fv-small">
            {fillPlaceholders(s.viewAll, { count: section.count })}
          </a>
        )}
      </h2>
      {section.items.length ? (
        <ul className="fv-plain">
          {section.items.map((item) => (
            <Line key={`${item.kind}:${item.id}:${item.reason}`} item={item} s={s} language={language} />
          ))}
        </ul>
      ) : (
        <div className="fv-empty">
          <strong>{fillPlaceholders(s.empty[section.key], { days: MY_WORK_DATES_AHEAD_DAYS })}</strong>
          <span className="fv-muted">{s.next[section.key]}</span>
        </div>
      )}
    </section>
  );
}

/** The home page, "my work" (src/web/features/my-work/my-work-page.tsx), as plain HTML. */
function MyWorkFirstView({ w, language }: { w: MyWork; language: FirstViewLanguage }) {
  const s = myWorkStrings[language];
  return (
    <FirstViewShell language={language}>
      <h1 className="fv-h1">{s.title}</h1>
      <p className="fv-muted">
        {fillPlaceholders(s.today, { date: date(w.today) })} · {s.intro}
      </p>
      {w.sections.length === 0 ? (
        <div className="fv-empty">
          <strong>{s.nothingForRole}</strong>
        </div>
      ) : (
        <div className="fv-grid fv-grid-sections">
          {w.sections.map((section) => (
            <Section key={section.key} section={section} s={s} language={language} />
          ))}
        </div>
      )}
    </FirstViewShell>
  );
}

export const myWorkFirstView = defineFirstView<MyWork>({
  path: '/',
  read: '/api/my-work',
  queryKey: ['my-work'],
  title: (language) => pageTitle(myWorkStrings[language].title, language),
  render: (w, language) => <MyWorkFirstView w={w} language={language} />,
});
