import { App, Button, Checkbox, Input, InputNumber, Radio, Select, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkAnswer } from '../../../shared/dx/answers';
import type { Question } from '../../../shared/dx/framework-format';
import { errorMessage, reasonMessage } from '../../i18n/error-message';
import { downloadQuestionEvidence, uploadQuestionEvidence } from './api';
import { useLabel } from '../../lib/use-label';

/** One question, drawn by its type; `onChange(null)` clears the answer. */
export function QuestionField({
  q,
  value,
  onChange,
  disabled,
  missing,
  assessmentId,
  onUploaded,
}: {
  q: Question;
  value: unknown;
  onChange: (v: unknown) => void;
  disabled?: boolean;
  missing?: boolean;
  /** for `file` questions: evidence goes up on its own and comes back as the stored answer, with its new version */
  assessmentId: string;
  onUploaded: (value: unknown, version: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const problem = value === undefined ? null : checkAnswer(q, value);
  const input = (() => {
    switch (q.type) {
      case 'single':
        return (
          <Radio.Group value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
            <Space direction="vertical">
              {q.options.map((o) => (
                <Radio key={o.code} value={o.code}>
                  {label(o.label)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        );
      case 'multi':
        return (
          <Checkbox.Group
            value={Array.isArray(value) ? value : []}
            disabled={disabled}
            onChange={(v) => onChange(v.length ? v : null)}
          >
            <Space direction="vertical">
              {q.options.map((o) => (
                <Checkbox key={o.code} value={o.code}>
                  {label(o.label)}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        );
      case 'catalogue':
        // one entry per tool and depth of use, integrated or not (the answer: `tool:level[:integrated]`)
        return (
          <Select
            mode="multiple"
            value={Array.isArray(value) ? value : []}
            disabled={disabled}
            style={{ width: '100%' }}
            aria-label={label(q.text)}
            onChange={(v: string[]) => onChange(v.length ? v : null)}
            options={q.tools.map((tool) => ({
              label: `${label(tool.label)}${tool.dependsOn ? ` (${t('dxAssessments.catalogueHalf')})` : ''}`,
              options: tool.levels.flatMap((l) => [
                { value: `${tool.code}:${l.code}`, label: `${label(tool.label)}: ${label(l.label)}` },
                ...(tool.integrationBonus
                  ? [
                      {
                        value: `${tool.code}:${l.code}:integrated`,
                        label: `${label(tool.label)}: ${label(l.label)}, ${t('dxAssessments.catalogueIntegrated')}`,
                      },
                    ]
                  : []),
              ]),
            }))}
          />
        );
      case 'number':
      case 'ratio':
        return (
          <InputNumber
            value={typeof value === 'number' ? value : null}
            disabled={disabled}
            style={{ width: 200, maxWidth: '100%' }}
            min={q.min ?? (q.type === 'ratio' ? 0 : undefined)}
            max={q.max ?? (q.type === 'ratio' ? 100 : undefined)}
            suffix={q.unit ? label(q.unit) : undefined}
            aria-label={label(q.text)}
            onChange={(v) => onChange(typeof v === 'number' ? v : null)}
          />
        );
      case 'yesno':
        return (
          <Radio.Group
            value={value}
            disabled={disabled}
            optionType="button"
            onChange={(e) => onChange(e.target.value)}
            options={[
              { value: true, label: t('dxAssessments.yes') },
              { value: false, label: t('dxAssessments.no') },
            ]}
          />
        );
      case 'file': {
        const name = typeof value === 'string' ? value.slice(65) : null;
        return (
          <Space wrap>
            {name && (
              <Typography.Link
                onClick={() =>
                  void downloadQuestionEvidence(assessmentId, q.code).catch(
                    (e) => void message.error(errorMessage(t, e)),
                  )
                }
              >
                {name}
              </Typography.Link>
            )}
            {!disabled && (
              <Upload
                showUploadList={false}
                beforeUpload={(file) => {
                  uploadQuestionEvidence(assessmentId, q.code, file).then(
                    (d) => onUploaded(d.answers[q.code], d.answerVersions[q.code]),
                    (e) => void message.error(errorMessage(t, e)),
                  );
                  return false;
                }}
              >
                <Button>{t('dxAssessments.uploadEvidence')}</Button>
              </Upload>
            )}
          </Space>
        );
      }
      default:
        return (
          <Input
            value={typeof value === 'string' ? value : ''}
            disabled={disabled}
            maxLength={q.maxLength ?? 2000}
            aria-label={label(q.text)}
            onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
          />
        );
    }
  })();
  return (
    <div
      data-question={q.code}
      data-type={q.type}
      className="dx-question"
      style={{ padding: '12px 0', borderTop: '1px solid #f0f0f0' }}
    >
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {label(q.text)}{' '}
        {q.required && (
          <Typography.Text type="danger" title={t('dxAssessments.required')}>
            *
          </Typography.Text>
        )}
      </Typography.Paragraph>
      {q.help && <Typography.Paragraph type="secondary">{label(q.help)}</Typography.Paragraph>}
      {input}
      {(problem || missing) && (
        <Typography.Paragraph type="danger" style={{ marginTop: 4, marginBottom: 0 }}>
          {problem ? reasonMessage(problem.reason, problem.params) : t('dxAssessments.required')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
