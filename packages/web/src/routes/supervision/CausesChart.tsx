import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';

/**
 * Cases per cause as horizontal bars. Loaded on its own (recharts is large) and decorative:
 * the table beside it carries the same numbers for screen readers.
 */
export default function CausesChart({ data, label }: { data: { cause: string; cases: number }[]; label: string }) {
  return (
    <div aria-hidden data-testid="causes-chart">
      <BarChart
        h={Math.max(120, data.length * 30)}
        data={data}
        dataKey="cause"
        orientation="vertical"
        yAxisProps={{ width: 190, tick: { fontSize: 11 } }}
        series={[{ name: 'cases', label, color: 'orange.6' }]}
      />
    </div>
  );
}
