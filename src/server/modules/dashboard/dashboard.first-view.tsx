import type { Dashboard } from '../../../shared/contracts/dashboard.js';
import { conclusionRef } from '../../../shared/conclusion-number.js';
import { inspectionStatuses } from '../../../shared/domain.js';
import { labels } from '../../../shared/labels.js';
// the web page's own strings: the first view and the page say the same words (first-view-shell.tsx)
import dashboardStrings from '../../../web/features/dashboard/i18n.js';
import followUpStrings from '../../../web/features/follow-ups/i18n.js';
import { defineFirstView, type FirstViewLanguage } from '../../http/first-view.js';
import { FirstViewShell, pageTitle, plural } from '../../http/first-view-shell.js';
import { fillPlaceholders } from '../../../shared/text.js';
import { formatDateVi } from '../documents/format.js';

/** The dashboard (src/web/features/dashboard/dashboard-page.tsx) as plain HTML: the same figures, no chart. */
function DashboardFirstView({ d, language }: { d: Dashboard; language: FirstViewLanguage }) {
  const s = dashboardStrings[language];
  const fu = followUpStrings[language];
  const f = d.followUps;
  const stats = [
    { title: s.inspections, value: d.inspectionsTotal },
    { title: s.conclusionsIssued, value: d.conclusionsIssued },
    { title: s.openFollowUps, value: f.open + f.inProgress, note: fillPlaceholders(s.followUpSummary, f) },
    { title: s.overdueFollowUps, value: f.overdue, danger: f.overdue > 0 },
  ];
  return (
    <FirstViewShell language={language}>
      <h1 className="fv-h1">{s.title}</h1>
      <div className="fv-grid fv-grid4">
        {stats.map((x) => (
          <div key={x.title} className="fv-card">
            <div className="fv-muted">{x.title}</div>
            <div className={x.danger ? 'fv-stat-value fv-danger' : 'fv-stat-value'}>{x.value}</div>
            {x.note && <div className="fv-muted fv-small">{x.note}</div>}
          </div>
        ))}
      </div>
      <div className="fv-grid fv-grid2">
        <section className="fv-card">
          <h2>{s.byStatus}</h2>
          <ul className="fv-list">
            {inspectionStatuses.map((status) => (
              <li key={status}>
                <span>{labels[language].inspectionStatus[status]}</span>
                <span>{d.inspectionsByStatus[status] ?? 0}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="fv-card">
          <h2>{s.planProgress}</h2>
          <div className="fv-muted">{s.planProgressHint}</div>
          {d.plans.length === 0 && <p className="fv-muted">{s.noPlans}</p>}
          {d.plans.map((p) => (
            <div key={p.id} style={{ marginTop: 12 }}>
              <div className="fv-list">
                <a href={`/inspection-plans/${p.id}`}>
                  <strong>{p.code}</strong> · {p.year}
                </a>{' '}
                <span className="fv-muted">{plural(s, 'planInspections', p.inspectionsTotal, language)}</span>
              </div>
              <div className="fv-muted fv-small">{p.title}</div>
              <div className="fv-bar" title={`${p.progressPercent}%`}>
                <span style={{ width: `${p.progressPercent}%` }} />
              </div>
            </div>
          ))}
        </section>
      </div>
      <section className="fv-card">
        <h2>
          <span className="fv-danger">{s.overdueTitle}</span>
          <a href="/follow-ups?overdue=true" className="fv-small">
            {s.viewAll}
          </a>
        </h2>
        {d.overdueFollowUps.length === 0 ? (
          <p className="fv-muted">{s.noOverdue}</p>
        ) : (
          <table className="fv-table">
            <thead>
              <tr>
                <th>{fu.text}</th>
                <th className="fv-phone-hide">{fu.addressee}</th>
                <th className="fv-phone-hide">{fu.conclusion}</th>
                <th>{fu.dueDate}</th>
              </tr>
            </thead>
            <tbody>
              {d.overdueFollowUps.map((i) => (
                <tr key={i.id}>
                  <td>{i.text}</td>
                  <td className="fv-phone-hide">{i.addressee.name}</td>
                  <td className="fv-phone-hide">{conclusionRef(i.conclusion)}</td>
                  <td>
                    {formatDateVi(i.dueDate)}
                    {i.overdue && (
                      <div className="fv-danger fv-small">{plural(fu, 'overdueDays', i.daysOverdue, language)}</div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </FirstViewShell>
  );
}

export const dashboardFirstView = defineFirstView<Dashboard>({
  path: '/dashboard',
  read: '/api/dashboard',
  queryKey: ['dashboard'],
  title: (language) => pageTitle(dashboardStrings[language].title, language),
  render: (d, language) => <DashboardFirstView d={d} language={language} />,
});
