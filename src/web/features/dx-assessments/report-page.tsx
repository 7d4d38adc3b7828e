import { Alert, App, Button, Card, Col, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { formatNumber } from '../../lib/format';
import { downloadReportDocx, useAssessmentReport } from './api';
import { useLabel } from '../../lib/use-label';
import { lazyChart } from '../../components/lazy-chart';
import type { AssessmentReport } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { Stat } from '../../components/stat';
import { ReportSupportCard } from '../support-programs';

const PillarRadar = lazyChart(() => import('./radar-chart').then((m) => m.PillarRadar));

export default function ReportPage() {
  const { id = '' } = useParams();
  return <QueryState query={useAssessmentReport(id)}>{(r) => <Report r={r} />}</QueryState>;
}

function Report({ r }: { r: AssessmentReport }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const a = r.assessment;
  const download = () => downloadReportDocx(a.id).catch((e) => void message.error(errorMessage(t, e)));
  return (
    <>
      <PageHeader
        title={t('dxAssessments.reportTitle')}
        breadcrumbs={[
          { title: a.enterprise.name },
          { title: `${a.framework.code} v${a.framework.version} · ${a.year}`, to: `/dx-assessments/${a.id}` },
        ]}
        extra={
          <>
            <Link to={`/dx-assessments/${a.id}`}>
              <Button>{t('dxAssessments.backToQuestionnaire')}</Button>
            </Link>
            <Button type="primary" onClick={() => void download()}>
              {t('dxAssessments.download')}
            </Button>
          </>
        }
      />
      {r.provisional && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('dxAssessments.provisional')} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card>
            <Stat
              title={t('dxAssessments.overall')}
              value={t('dxAssessments.levelValue', {
                level: r.snapshot.overallLevel,
                name: label(r.snapshot.overallLevelName),
              })}
              data-testid="overall-level"
            />
            <Stat
              title={t('dxAssessments.totalScore')}
              value={`${formatNumber(r.snapshot.total, 2)} / ${formatNumber(r.snapshot.max, 2)}`}
              style={{ marginTop: 16 }}
            />
            <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
              <Typography.Text strong>{t('dxAssessments.peers')}: </Typography.Text>
              {r.peers.status === 'draft'
                ? t('dxAssessments.peersDraft')
                : r.peers.status === 'fewer' || !r.peers.band
                  ? t('dxAssessments.peersNone', { k: r.peers.suppressBelow })
                  : t('dxAssessments.peersText', {
                      band: t(`dxAssessments.peerBand.${r.peers.band}`),
                      count: r.peers.count,
                      sector: r.peers.sectorCode,
                      size: t(`enterprises.sizeClass.${r.peers.sizeClass as 'micro'}`),
                      year: a.year,
                    })}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card title={t('dxAssessments.radar')}>
            <PillarRadar
              name={a.enterprise.name}
              pillars={r.pillars.map((p) => ({ label: label(p.name), share: p.share }))}
            />
          </Card>
        </Col>
      </Row>
      <Card style={{ marginTop: 16 }}>
        <DataTable
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={r.pillars}
          scroll={{ x: 520 }}
          columns={[
            { title: t('dxAssessments.pillar'), key: 'n', render: (_, p) => label(p.name) },
            {
              title: t('dxAssessments.score'),
              key: 's',
              render: (_, p) => `${formatNumber(p.score, 2)} / ${formatNumber(p.max, 2)}`,
            },
            { title: t('dxAssessments.share'), key: 'sh', render: (_, p) => `${formatNumber(p.share, 2)}%` },
            {
              title: t('dxAssessments.level'),
              key: 'l',
              render: (_, p) => (
                <Tag color="blue">
                  {p.level} — {label(p.levelName)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      <ChangeCard r={r} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>
          <Card title={t('dxAssessments.improvements')}>
            <List
              dataSource={r.improvements}
              locale={{ emptyText: t('dxAssessments.noImprovements') }}
              renderItem={(i) => (
                <List.Item>
                  <div>
                    <div>{label(i.text)}</div>
                    <Typography.Text type="secondary">
                      {i.levelUp
                        ? t('dxAssessments.improvementGain', { gain: formatNumber(i.gain, 2), level: i.newLevel })
                        : t('dxAssessments.improvementStep', { gain: formatNumber(i.gain, 2), level: i.newLevel + 1 })}
                      {i.suggestedLabel ? ` · ${t('dxAssessments.suggested', { label: label(i.suggestedLabel) })}` : ''}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('dxAssessments.recommendations')}>
            <List
              dataSource={r.pillars.filter((p) => p.recommendation)}
              renderItem={(p) => (
                <List.Item>
                  <div>
                    <Typography.Text strong>{label(p.name)}</Typography.Text>
                    <div>{label(p.recommendation)}</div>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <ReportSupportCard support={r.support} />
      </div>
    </>
  );
}

type Change = NonNullable<AssessmentReport['change']['previous']>;

/** The change since the previous and the first assessment: overall and per pillar; "framework changed" instead of a
 * number when the two are not comparable. */
function ChangeCard({ r }: { r: AssessmentReport }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { previous, first } = r.change;
  const cell = (c: Change | null, pick: (c: Change) => number | null) => {
    if (!c) return '—';
    if (!c.comparable) return <Tag>{t('dxAssessments.frameworkChanged')}</Tag>;
    const v = pick(c);
    return v === null ? '—' : `${v > 0 ? '+' : ''}${formatNumber(v, 2)}`;
  };
  const rows = [
    { key: 'total', name: t('dxAssessments.changeTotal'), pick: (c: Change) => c.total },
    { key: 'level', name: t('dxAssessments.changeLevel'), pick: (c: Change) => c.level },
    ...r.pillars.flatMap((p, i) => [
      {
        key: `${p.code}-s`,
        name: `${label(p.name)} — ${t('dxAssessments.score')}`,
        pick: (c: Change) => c.pillars[i]?.score ?? null,
      },
      {
        key: `${p.code}-l`,
        name: `${label(p.name)} — ${t('dxAssessments.level')}`,
        pick: (c: Change) => c.pillars[i]?.level ?? null,
      },
    ]),
  ];
  return (
    <Card title={t('dxAssessments.changeTitle')} style={{ marginTop: 16 }} data-testid="report-change">
      {!previous ? (
        <Typography.Text type="secondary">{t('dxAssessments.changeFirstTime')}</Typography.Text>
      ) : (
        <DataTable
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 520 }}
          columns={[
            { title: '', key: 'n', render: (_, x) => x.name },
            {
              title: t('dxAssessments.changeSincePrevious', { year: previous.year }),
              key: 'p',
              render: (_, x) => cell(previous, x.pick),
            },
            {
              title: t('dxAssessments.changeSinceFirst', { year: first?.year ?? previous.year }),
              key: 'f',
              render: (_, x) => cell(first, x.pick),
            },
          ]}
        />
      )}
    </Card>
  );
}
