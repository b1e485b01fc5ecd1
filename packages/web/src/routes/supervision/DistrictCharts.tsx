import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../format';
import { HEALTH_BANDS, type Dashboard, type TrendPoint } from './supervisionApi';

/**
 * The health-band bars and the 24-month NPL line against 5 %. Loaded on its own (recharts is
 * large) and decorative: the tables beside carry the same numbers for screen readers.
 */
export default function DistrictCharts({ dashboard, trend }: { dashboard: Dashboard; trend: TrendPoint[] }) {
  const { t } = useTranslation();
  const bands = HEALTH_BANDS.map((band) => ({ band: t(`supervision.band.${band}`), cooperatives: dashboard.bands[band] }));
  const line = trend.map((p) => ({ month: p.period, gross: p.nplGross, net: p.nplNet }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" aria-hidden>
      <BarChart h={220} data={bands} dataKey="band" series={[{ name: 'cooperatives', label: t('supervision.cooperatives'), color: 'simpul.6' }]} />
      <LineChart
        h={220}
        data={line}
        dataKey="month"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        valueFormatter={(value) => formatPercent(value, 1)}
        yAxisProps={{ width: 56, tickFormatter: (value: number) => formatPercent(value, 0) }}
        referenceLines={[{ y: dashboard.nplLimitPercent / 100, label: t('supervision.trendLimit'), color: 'red.6' }]}
        series={[
          { name: 'gross', label: t('supervision.trendGross'), color: 'simpul.6' },
          { name: 'net', label: t('supervision.trendNet'), color: 'orange.5' },
        ]}
      />
    </SimpleGrid>
  );
}
