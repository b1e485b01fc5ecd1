import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { WhenVisible } from '../../components/WhenVisible';
import { formatDate, formatPercent } from '../../format';
import { usePortfolio, type Portfolio } from './portfolioApi';
import { PortfolioSummary } from './PortfolioSummary';
import { ClassTable, ProductTable, WorsenedTable } from './PortfolioTables';

// The chart's code (recharts) is fetched only when the chart scrolls near the screen: the
// figures above it are the page's point and must not wait for it (issue 9, bench/web.bench.ts).
const TrendChart = lazy(() => import('./TrendChart'));
const CHART_HEIGHT = 240;

/**
 * Portofolio: the cooperative's loan quality as close of day left it — NPL against the 5 %
 * line with the health band, PAR, allowance, by class and product, the 12-month trend and
 * the loans that moved to a worse class this week.
 */
export default function PortfolioPage() {
  const { t } = useTranslation();
  const portfolio = usePortfolio();
  const data = portfolio.data;
  const lead = data?.asOf ? `${t('portfolio.lead')} ${t('portfolio.asOf', { date: formatDate(data.asOf) })}.` : t('portfolio.lead');
  return (
    <>
      <PageHeader title={t('nav.portfolio')} lead={lead} />
      {portfolio.isError ? <ErrorAlert error={portfolio.error} /> : null}
      {!data && !portfolio.isError ? <FullPageLoader /> : null}
      {data ? (
        <Stack gap="lg">
          {data.asOf === null ? <Text c="dimmed">{t('portfolio.noCloseYet')}</Text> : null}
          <PortfolioSummary portfolio={data} />
          <TrendPanel portfolio={data} />
          <WorsenedTable portfolio={data} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <ClassTable portfolio={data} />
            <ProductTable portfolio={data} />
          </SimpleGrid>
        </Stack>
      ) : null}
    </>
  );
}

function TrendPanel({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('portfolio.trend')}
      </Title>
      {portfolio.trend.length === 0 ? (
        <Text size="sm">{t('portfolio.trendEmpty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <WhenVisible height={CHART_HEIGHT}>
            <Suspense fallback={<div style={{ height: CHART_HEIGHT }} />}>
              <TrendChart trend={portfolio.trend} limit={portfolio.nplLimit} />
            </Suspense>
          </WhenVisible>
          <TableScroll label={t('portfolio.trend')} minWidth={320}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('portfolio.columns.month')}</Table.Th>
                  <Table.Th ta="right">{t('portfolio.nplGross')}</Table.Th>
                  <Table.Th ta="right">{t('portfolio.nplNet')}</Table.Th>
                  <Table.Th ta="right">{t('portfolio.par30')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {portfolio.trend.map((p) => (
                  <Table.Tr key={p.asOf}>
                    <Table.Td>{formatDate(p.asOf)}</Table.Td>
                    <Table.Td ta="right">{formatPercent(p.nplGross)}</Table.Td>
                    <Table.Td ta="right">{formatPercent(p.nplNet)}</Table.Td>
                    <Table.Td ta="right">{formatPercent(p.par30)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </SimpleGrid>
      )}
    </Paper>
  );
}
