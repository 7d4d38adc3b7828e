import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, ConfigProvider, Flex, Popover, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/error-message';
import { formatDateTime } from '../../lib/format';
import { downloadMonitoringFile, useValueEvidence } from '../monitoring-dashboard';
import type { ReportDetail } from '../../api/types';

const accept = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx';

/**
 * The paperclip of one indicator value: how many files back the figure, the list with download links, and
 * (for the owning unit while the report is open) an upload. Read-only viewers see it only when there are files.
 */
export function ValueEvidence({ d, row }: { d: ReportDetail; row: ReportDetail['indicators'][number] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useValueEvidence(d.round.id, d.orgUnit.id, row.indicatorId);
  const canAttach = d.permissions.canAttachValueEvidence;
  if (!row.evidence.length && !canAttach) return null;
  const content = (
    <Flex vertical gap={6} style={{ maxWidth: 320 }}>
      {row.evidence.length === 0 && (
        <Typography.Text type="secondary">{t('monitoring.noValueEvidence')}</Typography.Text>
      )}
      {row.evidence.map((f) => (
        <div key={f.id}>
          <Typography.Link onClick={() => void downloadMonitoringFile(f.id, f.fileName)}>{f.fileName}</Typography.Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(f.uploadedAt)} · {f.uploadedByName}
            </Typography.Text>
          </div>
        </div>
      ))}
      {canAttach && (
        <Upload
          showUploadList={false}
          accept={accept}
          beforeUpload={(file) => {
            upload.mutate(file, {
              onSuccess: () => void message.success(t('monitoring.saved')),
              onError: (e) => void message.error(errorMessage(t, e)),
            });
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
            {t('monitoring.uploadEvidence')}
          </Button>
        </Upload>
      )}
    </Flex>
  );
  // the report form is disabled once submitted; the list and its downloads must stay usable for the reviewer
  return (
    <ConfigProvider componentDisabled={false}>
      <Popover trigger="click" title={t('monitoring.valueEvidence', { code: row.code })} content={content}>
        <Button
          size="small"
          type={row.evidence.length ? 'default' : 'dashed'}
          icon={<PaperClipOutlined />}
          aria-label={t('monitoring.valueEvidenceCount', { code: row.code, count: row.evidence.length })}
        >
          {row.evidence.length}
        </Button>
      </Popover>
    </ConfigProvider>
  );
}
