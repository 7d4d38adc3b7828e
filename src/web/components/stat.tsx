import { Statistic, type StatisticProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

/**
 * antd's Statistic with numbers in the UI language (antd's own formatting always writes `4,800` and `139.0`).
 * `precision` is the number of decimals shown; text values (`<5`, `–`, an amount already formatted) pass as they are.
 */
export function Stat({ value, precision, ...rest }: StatisticProps) {
  // re-render on a language change
  useTranslation();
  return (
    <Statistic
      {...rest}
      value={value}
      formatter={(v) =>
        typeof v === 'number' ? formatNumber(v, precision ?? 0, { fixed: precision !== undefined }) : v
      }
    />
  );
}
