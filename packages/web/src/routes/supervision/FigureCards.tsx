import { Badge, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, formatRupiah } from '../../format';
import type { Figures } from './supervisionApi';

export const BAND_COLOR = { sehat: 'green', cukup_sehat: 'yellow', kurang_sehat: 'orange', tidak_sehat: 'red' } as const;

function Card({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      {note ? (
        <Text size="sm" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The headline figures of a portfolio (district or cooperative), NPL said against the line. */
export function FigureCards({ figures, limitPercent }: { figures: Figures; limitPercent: number }) {
  const { t } = useTranslation();
  const limit = formatPercent(limitPercent / 100, 0);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <Card label={t('supervision.outstanding')} value={formatRupiah(figures.outstanding)} note={t('supervision.accounts', { count: figures.accounts })} />
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('supervision.nplGross')}
        </Text>
        <Text size="xl" fw={700} data-testid="npl-gross">
          {t('supervision.nplLine', { value: formatPercent(figures.nplGross), limit })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('supervision.nplNet')}: {formatPercent(figures.nplNet)}
        </Text>
        {figures.healthBand ? (
          <Badge mt={4} variant="light" color={BAND_COLOR[figures.healthBand]}>
            {t(`supervision.band.${figures.healthBand}`)}
          </Badge>
        ) : null}
      </Paper>
      <Card
        label={t('supervision.par30')}
        value={formatPercent(figures.par30)}
        note={`${t('supervision.allowance')}: ${formatRupiah(figures.allowance)}${figures.allowanceCoverage === null ? '' : ` · ${t('supervision.coverage', { value: formatPercent(figures.allowanceCoverage, 0) })}`}`}
      />
      <Card
        label={t('supervision.writtenOff')}
        value={formatRupiah(figures.writtenOff)}
        note={`${formatNumber(figures.writeOffAccounts)} · ${t('supervision.recovered', { value: formatRupiah(figures.recovered) })}`}
      />
    </SimpleGrid>
  );
}
