import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { Schedule } from '@simpul/domain';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../format';

/**
 * Pokok and bunga of each instalment, stacked. Loaded on its own (recharts is large) and only
 * decorative: the table below carries the same numbers for screen readers.
 */
export default function ScheduleChart({ schedule }: { schedule: Schedule }) {
  const { t } = useTranslation();
  const data = schedule.installments.map((row) => ({
    n: String(row.n),
    principal: row.principal,
    interest: row.interest,
  }));
  return (
    <div aria-hidden>
      <BarChart
        h={220}
        data={data}
        dataKey="n"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        valueFormatter={(value) => formatRupiah(value)}
        yAxisProps={{
          width: 80,
          tickFormatter: (value: number) => formatRupiah(value, { symbol: false }),
        }}
        series={[
          { name: 'principal', label: t('simulator.columns.principal'), color: 'simpul.6' },
          { name: 'interest', label: t('simulator.columns.interest'), color: 'orange.5' },
        ]}
      />
    </div>
  );
}
