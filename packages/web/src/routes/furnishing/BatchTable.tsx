import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { formatInstantDate, formatNumber } from '../../format';
import { issuesUrl, useBatches } from './furnishingApi';

/** The cooperative's furnishing batches, newest first, each with its error report. */
export function BatchTable() {
  const { t } = useTranslation();
  const batches = useBatches();
  if (batches.isError) return <ErrorAlert error={batches.error} />;
  const items = batches.data ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('furnishing.batches')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('furnishing.noBatches')}</Text>
      ) : (
        <TableScroll label={t('furnishing.batches')} minWidth={720}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('furnishing.period')}</Table.Th>
                <Table.Th scope="col">{t('furnishing.source')}</Table.Th>
                <Table.Th scope="col">{t('furnishing.fileName')}</Table.Th>
                <Table.Th scope="col">{t('furnishing.accepted')}</Table.Th>
                <Table.Th scope="col">{t('furnishing.rejected')}</Table.Th>
                <Table.Th scope="col">{t('furnishing.when')}</Table.Th>
                <Table.Th scope="col">{t('furnishing.report')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{b.period}</Table.Td>
                  <Table.Td>{t(`furnishing.sources.${b.source}`, { defaultValue: b.source })}</Table.Td>
                  <Table.Td>{b.fileName ?? '—'}</Table.Td>
                  <Table.Td>{formatNumber(b.accepted)}</Table.Td>
                  <Table.Td>{formatNumber(b.rejected)}</Table.Td>
                  <Table.Td>{formatInstantDate(b.createdAt)}</Table.Td>
                  <Table.Td>
                    {b.rejected + b.warnings > 0 ? (
                      <Anchor href={issuesUrl(b.id)} download>
                        {t('furnishing.downloadReport')}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Paper>
  );
}
