import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/error-message';
import { formatDateTime, formatNumber } from '../../lib/format';
import { downloadAttachment, useDeleteAttachment, useUploadEvidence } from './api';
import type { Attachment } from '../../api/types';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx';

/** The evidence files of one content area: download, and upload / delete while editable. */
export function EvidenceFiles({
  inspectionId,
  contentAreaId,
  files,
  canEdit,
}: {
  inspectionId: string;
  contentAreaId: string;
  files: Attachment[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadEvidence(inspectionId);
  const remove = useDeleteAttachment(inspectionId);
  const fail = (e: unknown) => void message.error(errorMessage(t, e));

  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('inspections.evidence')}</Typography.Text>
      {files.length === 0 && <Typography.Text type="secondary">{t('inspections.noEvidence')}</Typography.Text>}
      {files.map((file) => (
        <Flex key={file.id} justify="space-between" align="center" gap={8} wrap>
          <div style={{ minWidth: 0, flex: '1 1 200px' }}>
            <Typography.Text ellipsis style={{ display: 'block' }}>
              {file.fileName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(file.uploadedAt)} · {file.uploadedBy} · {formatNumber(Math.ceil(file.size / 1024))} KB
            </Typography.Text>
          </div>
          <Flex gap={4}>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              aria-label={t('common.download')}
              onClick={() => void downloadAttachment(file.id, file.fileName).catch(fail)}
            />
            {canEdit && (
              <Popconfirm
                title={t('inspections.confirmDeleteFile', { name: file.fileName })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd awaits it (loading), though typed void
                onConfirm={() => remove.mutateAsync(file.id).catch(fail)}
              >
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            )}
          </Flex>
        </Flex>
      ))}
      {canEdit && (
        <div>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutate(
                { contentAreaId, file: file as File },
                {
                  onSuccess: (r) => {
                    onSuccess?.(r);
                    void message.success(t('inspections.uploaded', { name: (file as File).name }));
                  },
                  onError: (e) => {
                    onError?.(e);
                    fail(e);
                  },
                },
              );
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('inspections.uploadEvidence')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            {t('inspections.uploadHint')}
          </Typography.Text>
        </div>
      )}
    </Flex>
  );
}
