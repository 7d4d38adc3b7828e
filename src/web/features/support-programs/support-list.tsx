import { Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupportGiven } from '../../../shared/contracts/support-programs';
import { formatVnd } from '../../../shared/support/decree80';
import { formatDate } from '../../lib/format';

/** The support given to one enrolled firm, oldest first. */
export function SupportList({ items }: { items: SupportGiven[] }) {
  const { t } = useTranslation();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supportPrograms.none')} />;
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(g) => (
        <List.Item>
          {formatDate(g.givenOn)} · {t(`supportPrograms.kind.${g.kind}`)} · {g.provider} ·{' '}
          <strong>{formatVnd(g.amountVnd)}</strong>
        </List.Item>
      )}
    />
  );
}
