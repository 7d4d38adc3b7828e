import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../i18n/error-message';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useUploadEvidence } from './api';
import type { FollowUpDetail } from '../../api/types';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx';

export function EvidenceList({ fu, mayUpload }: { fu: FollowUpDetail; mayUpload: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadEvidence(fu.id);
  const download = (id: string, name: string) =>
    api
      .download('/api/attachments/{id}', { params: { id }, filename: name })
      .catch((e: unknown) => message.error(errorMessage(t, e)));

  return (
    <Flex vertical gap={8} style={{ marginBottom: 24 }}>
      {fu.evidence.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUps.noEvidence')} />
      )}
      {fu.evidence.map((file) => (
        <Flex key={file.id} justify="space-between" align="center" gap={8} wrap>
          <div style={{ minWidth: 0 }}>
            <Typography.Text ellipsis style={{ maxWidth: 380, display: 'block' }}>
              {file.fileName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(file.uploadedAt)} · {file.uploadedByName} · {formatNumber(Math.ceil(file.size / 1024))} KB
            </Typography.Text>
          </div>
          <Button icon={<DownloadOutlined />} onClick={() => void download(file.id, file.fileName)}>
            {t('common.download')}
          </Button>
        </Flex>
      ))}
      {mayUpload && (
        <div>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutate(file as File, {
                onSuccess: (detail) => {
                  onSuccess?.(detail);
                  void message.success(t('followUps.uploaded', { name: (file as File).name }));
                },
                onError: (e) => {
                  onError?.(e);
                  void message.error(errorMessage(t, e));
                },
              });
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('followUps.uploadEvidence')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            {t('followUps.uploadHint')}
          </Typography.Text>
        </div>
      )}
    </Flex>
  );
}
