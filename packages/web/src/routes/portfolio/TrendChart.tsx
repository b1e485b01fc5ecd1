import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../format';
import type { TrendPoint } from './portfolioApi';

/**
 * NPL gross and net per month-end with the 5 % line. Loaded on its own (recharts is large)
 * and decorative: the table beside it carries the same numbers for screen readers.
 */
export default function TrendChart({ trend, limit }: { trend: TrendPoint[]; limit: number }) {
  const { t } = useTranslation();
  const data = trend.map((p) => ({ month: p.month, gross: p.nplGross, net: p.nplNet }));
  // Room above the highest point and the 5 % line (an all-zero series would otherwise scale to 0–400 %).
  const top = Math.min(1, Math.max(limit * 2, ...trend.map((p) => p.nplGross)) * 1.15);
  return (
    <div aria-hidden>
      <LineChart
        h={240}
        data={data}
        dataKey="month"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        valueFormatter={(value) => formatPercent(value, 1)}
        yAxisProps={{ width: 56, domain: [0, top], tickFormatter: (value: number) => formatPercent(value, 0) }}
        referenceLines={[{ y: limit, label: t('portfolio.chartLimit'), color: 'red.6' }]}
        series={[
          { name: 'gross', label: t('portfolio.chartNplGross'), color: 'simpul.6' },
          { name: 'net', label: t('portfolio.chartNplNet'), color: 'orange.5' },
        ]}
      />
    </div>
  );
}
