import { Checkbox, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkAnswer } from '../../../shared/dx/answers';
import type { Question } from '../../../shared/dx/framework-format';
import { useLabel } from './label';

/** One question, drawn by its type; `onChange(null)` clears the answer. */
export function QuestionField({ q, value, onChange, disabled, missing }: {
  q: Question; value: unknown; onChange: (v: unknown) => void; disabled?: boolean; missing?: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const problem = value === undefined ? null : checkAnswer(q, value);
  const input = (() => {
    switch (q.type) {
      case 'single':
        return (
          <Radio.Group value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
            <Space direction="vertical">{q.options.map((o) => <Radio key={o.code} value={o.code}>{label(o.label)}</Radio>)}</Space>
          </Radio.Group>
        );
      case 'multi':
        return (
          <Checkbox.Group value={Array.isArray(value) ? value : []} disabled={disabled} onChange={(v) => onChange(v.length ? v : null)}>
            <Space direction="vertical">{q.options.map((o) => <Checkbox key={o.code} value={o.code}>{label(o.label)}</Checkbox>)}</Space>
          </Checkbox.Group>
        );
      case 'number': case 'ratio':
        return (
          <InputNumber
            value={typeof value === 'number' ? value : null} disabled={disabled} style={{ width: 200, maxWidth: '100%' }}
            min={q.min ?? (q.type === 'ratio' ? 0 : undefined)} max={q.max ?? (q.type === 'ratio' ? 100 : undefined)}
            suffix={q.unit ? label(q.unit) : undefined} aria-label={label(q.text)}
            onChange={(v) => onChange(typeof v === 'number' ? v : null)}
          />
        );
      case 'yesno':
        return (
          <Radio.Group value={value} disabled={disabled} optionType="button" onChange={(e) => onChange(e.target.value)}
            options={[{ value: true, label: t('dxAssessments.yes') }, { value: false, label: t('dxAssessments.no') }]} />
        );
      default:
        return (
          <Input
            value={typeof value === 'string' ? value : ''} disabled={disabled} maxLength={q.maxLength ?? (q.type === 'file' ? 200 : 2000)}
            aria-label={label(q.text)} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
          />
        );
    }
  })();
  return (
    <div data-question={q.code} data-type={q.type} className="dx-question" style={{ padding: '12px 0', borderTop: '1px solid #f0f0f0' }}>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {label(q.text)} {q.required && <Typography.Text type="danger" title={t('dxAssessments.required')}>*</Typography.Text>}
      </Typography.Paragraph>
      {q.help && <Typography.Paragraph type="secondary">{label(q.help)}</Typography.Paragraph>}
      {input}
      {(problem || missing) && <Typography.Paragraph type="danger" style={{ marginTop: 4, marginBottom: 0 }}>{problem ?? t('dxAssessments.required')}</Typography.Paragraph>}
    </div>
  );
}
