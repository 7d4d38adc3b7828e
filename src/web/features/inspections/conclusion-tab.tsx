import { DownloadOutlined, EditOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../i18n/error-message';
import { formatDate } from '../../lib/format';
import { downloadConclusion, downloadConclusionPdf } from './api';
import { CorrectionForm } from './correction-form';
import { IssueForm } from './issue-form';
import type { ConclusionVersion, InspectionDetail } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { conclusionRef } from '../../../shared/conclusion-number';
import { PublicationCard } from '../publications';
import { formatVerificationCode } from '../../../shared/verification-code';

/** Issue form before issue; afterwards the issued versions, their documents and the correction form. */
export function ConclusionTab({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [correcting, setCorrecting] = useState(false);
  const download = (version?: number) =>
    void downloadConclusion(d.id, version).catch((e: unknown) => void message.error(errorMessage(t, e)));
  const downloadPdf = (version?: number) =>
    void downloadConclusionPdf(d.id, version).catch((e: unknown) => void message.error(errorMessage(t, e)));
  // the server says whether it can make PDFs: without a converter the tab says so instead of a broken button
  const pdfLabel = t(d.pdf.signed ? 'inspections.downloadPdfSigned' : 'inspections.downloadPdf');
  const current = d.conclusions[0];

  if (!current) {
    if (d.permissions.canIssue)
      return (
        <Card size="small" title={t('inspections.issue.title')}>
          <IssueForm d={d} />
        </Card>
      );
    return <Alert type="info" showIcon title={t('inspections.issue.notYet')} />;
  }

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={`${t('inspections.conclusion')} ${conclusionRef(current)}`}
        extra={
          <Flex wrap gap={8}>
            <Button type="primary" icon={<DownloadOutlined />} onClick={() => download()}>
              {t('inspections.downloadDocx')}
            </Button>
            {d.pdf.available && (
              <Button icon={<FilePdfOutlined />} onClick={() => downloadPdf()} data-testid="download-pdf">
                {pdfLabel}
              </Button>
            )}
            {d.permissions.canCorrect && (
              <Button icon={<EditOutlined />} onClick={() => setCorrecting(true)}>
                {t('inspections.correction.open')}
              </Button>
            )}
          </Flex>
        }
      >
        {!d.pdf.available && (
          <Alert
            type="warning"
            showIcon
            title={t('inspections.pdfMissing')}
            data-testid="pdf-missing"
            style={{ marginBottom: 12 }}
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'n', label: t('inspections.number'), children: conclusionRef(current) },
            { key: 'd', label: t('inspections.issue.issuedDate'), children: formatDate(current.issuedDate) },
            { key: 's', label: t('inspections.signer'), children: `${current.signerName} (${current.signerTitle})` },
            { key: 'v', label: t('inspections.version'), children: current.version },
            {
              key: 'code',
              label: t('inspections.verificationCode'),
              span: 2,
              children: (
                <Typography.Text>
                  <Link
                    to={`/verify/${current.verificationCode}`}
                    target="_blank"
                    data-testid="verification-code"
                    // underlined: a link inside a line of text must not be told apart by colour alone (axe)
                    style={{ textDecoration: 'underline' }}
                  >
                    {formatVerificationCode(current.verificationCode)}
                  </Link>{' '}
                  <Typography.Text type="secondary">{t('inspections.verificationHint')}</Typography.Text>
                </Typography.Text>
              ),
            },
            {
              key: 'h',
              label: t('inspections.sha256'),
              span: 2,
              children: (
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {current.contentSha256}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('inspections.versions')}>
        <DataTable<ConclusionVersion>
          phoneColumns={['number', 'date', 'state', 'dl']}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.conclusions}
          scroll={{ x: 720 }}
          columns={[
            { title: t('inspections.version'), dataIndex: 'version', width: 90 },
            { title: t('inspections.number'), key: 'number', width: 150, render: (_, v) => conclusionRef(v) },
            {
              title: t('inspections.issue.issuedDate'),
              key: 'date',
              width: 130,
              render: (_, v) => formatDate(v.issuedDate),
            },
            {
              title: t('inspections.statusLabel'),
              key: 'state',
              width: 220,
              render: (_, v) => (
                <Flex wrap gap={4}>
                  {v.superseded ? (
                    <Tag color="default">{t('inspections.superseded')}</Tag>
                  ) : (
                    <Tag color="green">{t('inspections.current')}</Tag>
                  )}
                  {v.supersedesNumber && <Tag>{t('inspections.supersedes', { number: v.supersedesNumber })}</Tag>}
                </Flex>
              ),
            },
            {
              title: t('inspections.correction.reason'),
              key: 'reasons',
              width: 220,
              render: (_, v) => (
                <>
                  {v.correctionReason}
                  {v.scheduleReason && <div>{t('inspections.schedule.issueReason', { reason: v.scheduleReason })}</div>}
                </>
              ),
            },
            {
              title: '',
              key: 'dl',
              width: 100,
              render: (_, v) => (
                <Flex gap={4}>
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    aria-label={t('common.download')}
                    onClick={() => download(v.version)}
                  />
                  {d.pdf.available && (
                    <Button
                      size="small"
                      icon={<FilePdfOutlined />}
                      aria-label={pdfLabel}
                      onClick={() => downloadPdf(v.version)}
                    />
                  )}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <PublicationCard inspectionId={d.id} />
      {d.permissions.canCorrect && <CorrectionForm d={d} open={correcting} onClose={() => setCorrecting(false)} />}
    </Flex>
  );
}
