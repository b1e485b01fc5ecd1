import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatRupiah } from '../../format';
import type { HealthBand, Portfolio } from './portfolioApi';

const BAND_COLOR: Record<HealthBand, string> = { sehat: 'green', cukup_sehat: 'yellow', kurang_sehat: 'orange', tidak_sehat: 'red' };

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
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

/**
 * NPL against the 5 % line, said in words (for everyone) and drawn as a bar with the line
 * marked (decorative: the words carry the same).
 */
function NplAgainstLimit({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  const { nplGross, healthBand } = portfolio.ratios;
  const above = nplGross > portfolio.nplLimit;
  // The bar spans 0–20 %: the health bands end at 15 %.
  const scale = 0.2;
  return (
    <Paper withBorder p="md" aria-labelledby="npl-heading">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Text id="npl-heading" size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('portfolio.nplGross')}
          </Text>
          <Text size="xl" fw={700} data-testid="npl-gross">
            {t('portfolio.nplLine', { value: formatPercent(nplGross), limit: formatPercent(portfolio.nplLimit) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('portfolio.nplNet')}: {formatPercent(portfolio.ratios.nplNet)}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          <Badge color={above ? 'red' : 'green'} size="lg" variant="light">
            {above ? t('portfolio.aboveLimit') : t('portfolio.withinLimit')}
          </Badge>
          <Text size="sm">
            {t('portfolio.health')}:{' '}
            <Badge color={BAND_COLOR[healthBand]} variant="dot" size="lg">
              {t(`portfolio.band.${healthBand}`)}
            </Badge>
          </Text>
        </Stack>
      </Group>
      <div aria-hidden style={{ position: 'relative', marginTop: 12 }}>
        <Progress value={Math.min(100, (nplGross / scale) * 100)} color={above ? 'red' : 'green'} size="lg" />
        <div style={{ position: 'absolute', top: -4, bottom: -4, left: `${(portfolio.nplLimit / scale) * 100}%`, borderLeft: '2px dashed var(--mantine-color-dark-4)' }} />
        <Text size="xs" c="dimmed" mt={4} style={{ marginLeft: `calc(${(portfolio.nplLimit / scale) * 100}% - 1.5em)` }}>
          {t('portfolio.limit', { limit: formatPercent(portfolio.nplLimit, 0) })}
        </Text>
      </div>
    </Paper>
  );
}

/** The headline figures: outstanding, NPL against the line, PAR, allowance. */
export function PortfolioSummary({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  const r = portfolio.ratios;
  return (
    <Stack gap="md">
      <NplAgainstLimit portfolio={portfolio} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Figure label={t('portfolio.outstanding')} value={formatRupiah(r.totalOutstanding)} note={t('portfolio.loans', { count: r.loanCount })} />
        <Figure label={t('portfolio.par30')} value={formatPercent(r.par30)} note={t('portfolio.parHelp')} />
        <Figure label={t('portfolio.par90')} value={formatPercent(r.par90)} />
        <Figure label={t('portfolio.allowanceRequired')} value={formatRupiah(r.allowanceRequired)} note={`${t('portfolio.allowanceBooked')}: ${formatRupiah(r.allowanceBooked)}`} />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('portfolio.nplAmount')}: {formatRupiah(r.nplAmount)}
      </Text>
    </Stack>
  );
}
