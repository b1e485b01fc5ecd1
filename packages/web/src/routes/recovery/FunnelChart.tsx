import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';

/** Bars of a report; loaded on its own (recharts is large) and decorative: the table beside it has the numbers. */
export default function FunnelChart({ data, label }: { data: { name: string; value: number }[]; label: string }) {
  return (
    <div aria-hidden>
      <BarChart h={220} data={data} dataKey="name" series={[{ name: 'value', label, color: 'simpul.6' }]} xAxisProps={{ interval: 0, tick: { fontSize: 11 } }} />
    </div>
  );
}
