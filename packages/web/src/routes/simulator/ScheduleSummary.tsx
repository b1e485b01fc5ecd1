import { Alert, Paper, SimpleGrid, Text } from '@mantine/core';
import type { Schedule } from '@simpul/domain';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, formatRupiah } from '../../format';

/** Instalment, totals and the effective annual rate, with what a flat rate really costs. */
export function ScheduleSummary({
  schedule,
  effectivePerYear,
}: {
  schedule: Schedule;
  effectivePerYear: number;
}) {
  const { t } = useTranslation();
  const { terms, totals } = schedule;
  const { usual, low, high } = instalments(schedule);
  const effective = formatPercent(effectivePerYear);
  const nominal = `${formatNumber(terms.ratePercent, 4)}%`;
  const period = terms.ratePeriod === 'month' ? t('simulator.perMonth') : t('simulator.perYear');
  const range =
    low === high
      ? undefined
      : t('simulator.instalmentRange', { low: formatRupiah(low), high: formatRupiah(high) });

  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Stat
          label={t('simulator.instalment')}
          value={formatRupiah(usual)}
          note={range}
          testId="sim-instalment"
        />
        <Stat
          label={t('simulator.totalInterest')}
          value={formatRupiah(totals.interest)}
          testId="sim-total-interest"
        />
        <Stat
          label={t('simulator.totalPaid')}
          value={formatRupiah(totals.total)}
          testId="sim-total-paid"
        />
        <Stat
          label={t('simulator.effectiveRate')}
          value={effective}
          testId="sim-effective-rate"
          highlight
        />
      </SimpleGrid>
      <Alert
        variant="light"
        color={terms.method === 'flat' ? 'orange' : 'blue'}
        icon={<IconInfoCircle aria-hidden />}
      >
        {terms.method === 'flat'
          ? t('simulator.flatNote', { rate: nominal, period, effective })
          : t('simulator.effectiveNote')}
      </Alert>
    </>
  );
}

/**
 * The instalment most of the schedule pays, and the range of all paying ones (the last one
 * absorbs rounding; grace periods may pay interest only, or nothing).
 */
function instalments(schedule: Schedule): { usual: number; low: number; high: number } {
  const paying = schedule.installments.map((i) => i.total).filter((total) => total > 0);
  if (paying.length === 0) return { usual: 0, low: 0, high: 0 };
  const counts = new Map<number, number>();
  for (const total of paying) counts.set(total, (counts.get(total) ?? 0) + 1);
  let usual = paying[0] ?? 0;
  for (const [total, count] of counts) if (count > (counts.get(usual) ?? 0)) usual = total;
  return { usual, low: Math.min(...paying), high: Math.max(...paying) };
}

interface StatProps {
  label: string;
  value: string;
  note?: string | undefined;
  testId: string;
  highlight?: boolean;
}

function Stat({ label, value, note, testId, highlight = false }: StatProps) {
  return (
    <Paper withBorder p="md" bg={highlight ? 'simpul.0' : 'white'}>
      <Text fz="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text
        fz={{ base: 20, lg: 22 }}
        fw={700}
        data-testid={testId}
        c={highlight ? 'simpul.8' : undefined}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Text>
      {note ? (
        <Text fz="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}
