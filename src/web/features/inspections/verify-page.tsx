import { CheckCircleFilled, CloseCircleFilled, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Grid, Input, Layout, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, isApiError } from '../../api/client';
import { PageSpinner } from '../../components/query-state';
import { errorMessage } from '../../i18n/error-message';
import { formatDate, formatDateTime } from '../../lib/format';
import { conclusionRef } from '../../../shared/conclusion-number';
import { normalizeVerificationCode } from '../../../shared/verification-code';
import type { VerifiedDocument } from '../../../shared/contracts/conclusions';

/** SHA-256 of a file, in the browser: the file the visitor holds is never uploaded. */
async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function CodeForm({ initial }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState(false);
  return (
    <Form
      layout="inline"
      initialValues={{ code: initial ?? '' }}
      onFinish={({ code }: { code: string }) => {
        const normal = normalizeVerificationCode(code);
        setError(!normal);
        if (normal) void navigate(`/verify/${normal}`);
      }}
    >
      <Form.Item
        name="code"
        label={t('inspections.verify.code')}
        validateStatus={error ? 'error' : undefined}
        help={error ? t('inspections.verify.malformed') : undefined}
      >
        <Input placeholder="XXXX-XXXX-XXXX" autoComplete="off" style={{ width: 220 }} maxLength={20} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('inspections.verify.check')}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** The file the visitor holds against the issued ones: the DOCX's hash, or the PDF's when one was issued. */
function FileCheck({ expected }: { expected: string[] }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ name: string; matches: boolean } | null>(null);
  return (
    <Card size="small" title={t('inspections.verify.fileTitle')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('inspections.verify.fileHint')}</Typography.Text>
        <Upload
          accept=".docx,.pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf"
          showUploadList={false}
          beforeUpload={(file) => {
            void sha256Hex(file).then((hash) => setResult({ name: file.name, matches: expected.includes(hash) }));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('inspections.verify.chooseFile')}</Button>
        </Upload>
        {result && (
          <Alert
            role="status"
            type={result.matches ? 'success' : 'error'}
            showIcon
            icon={result.matches ? <CheckCircleFilled /> : <CloseCircleFilled />}
            title={t(result.matches ? 'inspections.verify.matches' : 'inspections.verify.differs', {
              name: result.name,
            })}
          />
        )}
      </Flex>
    </Card>
  );
}

/** The issued PDF: its hash and, when signed, the signer, the certificate's validity and whether the signature holds. */
function PdfFacts({ pdf, wide }: { pdf: NonNullable<VerifiedDocument['pdf']>; wide: boolean }) {
  const { t } = useTranslation();
  const sig = pdf.signature;
  const day = (iso: string | null) => (iso ? formatDate(iso) : '—');
  return (
    <Card size="small" title={t('inspections.verify.pdfSignature')} data-testid="verify-pdf">
      <Flex vertical gap={12}>
        {sig ? (
          <Alert
            role="status"
            type={sig.valid ? 'success' : 'error'}
            showIcon
            icon={sig.valid ? <CheckCircleFilled /> : <CloseCircleFilled />}
            title={t(sig.valid ? 'inspections.verify.signatureValid' : 'inspections.verify.signatureInvalid')}
          />
        ) : (
          <Alert type="info" showIcon title={t('inspections.verify.pdfUnsigned')} />
        )}
        <Descriptions
          size="small"
          column={1}
          layout={wide ? 'horizontal' : 'vertical'}
          items={[
            ...(sig
              ? [
                  {
                    key: 'who',
                    label: t('inspections.verify.certSigner'),
                    children: [sig.signerName, sig.signerOrganization].filter(Boolean).join(' — ') || '—',
                  },
                  {
                    key: 'valid',
                    label: t('inspections.verify.certValidity'),
                    children: t('inspections.verify.certValidityRange', {
                      from: day(sig.certificateValidFrom),
                      to: day(sig.certificateValidTo),
                    }),
                  },
                  ...(sig.signedAt
                    ? [{ key: 'at', label: t('inspections.verify.signedAt'), children: formatDateTime(sig.signedAt) }]
                    : []),
                ]
              : []),
            {
              key: 'h',
              label: t('inspections.verify.pdfSha256'),
              children: (
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {pdf.sha256}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}

function Verified({ code }: { code: string }) {
  const { t } = useTranslation();
  // on a phone the labels go above their values: the 64-character hash needs the whole width
  const wide = Grid.useBreakpoint().md ?? false;
  const query = useQuery({
    queryKey: ['verify', code],
    queryFn: ({ signal }) => api.get('/api/public/verify/{code}', { params: { code }, signal }),
    retry: false,
  });
  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    const status = isApiError(query.error) ? query.error.status : 0;
    const text =
      status === 404
        ? t('inspections.verify.notFound')
        : status === 400
          ? t('inspections.verify.malformed')
          : errorMessage(t, query.error);
    return <Alert type="error" showIcon title={text} />;
  }
  const d = query.data;
  return (
    <Flex vertical gap={16}>
      <Alert type="success" showIcon title={t('inspections.verify.genuine')} />
      <Card size="small" title={t(`inspections.verify.kind.${d.kind}`)}>
        <Descriptions
          size="small"
          column={1}
          layout={wide ? 'horizontal' : 'vertical'}
          items={[
            { key: 'c', label: t('inspections.verify.code'), children: d.code },
            ...(d.number !== null
              ? [
                  {
                    key: 'n',
                    label: t('inspections.verify.number'),
                    children: conclusionRef({ ...d, number: d.number }),
                  },
                ]
              : []),
            ...(d.title ? [{ key: 't', label: t('inspections.verify.roundTitle'), children: d.title }] : []),
            ...(d.period ? [{ key: 'p', label: t('inspections.verify.period'), children: d.period }] : []),
            ...(d.enterpriseName
              ? [
                  { key: 'e', label: t('inspections.verify.enterprise'), children: d.enterpriseName },
                  { key: 'y', label: t('inspections.verify.year'), children: d.year },
                ]
              : []),
            { key: 'd', label: t('inspections.verify.issuedDate'), children: formatDate(d.issuedDate) },
            ...(d.issuer
              ? [
                  {
                    key: 'i',
                    label: t('inspections.verify.issuer'),
                    children: [d.issuerSuperior, d.issuer].filter(Boolean).join(' — '),
                  },
                ]
              : []),
            ...(d.signerName
              ? [{ key: 's', label: t('inspections.verify.signer'), children: `${d.signerName} (${d.signerTitle})` }]
              : []),
            {
              key: 'h',
              label: t('inspections.verify.fileSha256'),
              children: (
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {d.fileSha256}
                </Typography.Text>
              ),
            },
          ]}
        />
        {d.replacedBy ? (
          <Alert
            type="warning"
            showIcon
            title={
              d.replacedBy.number !== null
                ? t('inspections.verify.replaced', {
                    number: conclusionRef({ ...d.replacedBy, number: d.replacedBy.number }),
                    date: formatDate(d.replacedBy.issuedDate),
                  })
                : t('inspections.verify.replacedLater', { date: formatDate(d.replacedBy.issuedDate) })
            }
          />
        ) : (
          <Alert type="info" showIcon title={t('inspections.verify.current')} />
        )}
      </Card>
      {d.pdf && <PdfFacts pdf={d.pdf} wide={wide} />}
      <FileCheck expected={d.pdf ? [d.fileSha256, d.pdf.sha256] : [d.fileSha256]} />
      <Typography.Text type="secondary">{t('inspections.verify.noContent')}</Typography.Text>
    </Flex>
  );
}

/**
 * `/verify` and `/verify/:code`: anyone holding an issued document (on paper, with the QR code, or as a file) checks
 * it without a login. Only what identifies the document is shown, never its content.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const title = t('inspections.verify.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* antd's Content is the page's one <main> landmark */}
      <Layout.Content style={{ maxWidth: 800, width: '100%', margin: '0 auto', padding: 16 }}>
        <Flex vertical gap={16}>
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            {title}
          </Typography.Title>
          {code ? (
            <>
              <Verified code={code} />
              <Link to="/verify">{t('inspections.verify.other')}</Link>
            </>
          ) : (
            <>
              <Typography.Paragraph>{t('inspections.verify.intro')}</Typography.Paragraph>
              <CodeForm />
            </>
          )}
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
