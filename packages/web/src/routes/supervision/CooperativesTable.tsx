import { Button, Group, Loader, Pagination, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../format';
import { CooperativeFiguresTable } from './CooperativeFiguresTable';
import { ExportButtons } from './ExportButtons';
import { HEALTH_BANDS, TABLE_PAGE_SIZE, TABLE_SORTS, useCooperativesTable, type HealthBand, type KecamatanFigures, type TablePage, type TableQuery } from './supervisionApi';

const BANDS: readonly (HealthBand | 'none')[] = [...HEALTH_BANDS, 'none'];

interface Props {
  title: string;
  table: 'above-limit' | 'cooperatives';
  empty: string;
  /** The first query (and, without filters, the only order): e.g. above 5 %, worst first. */
  initial: TableQuery;
  /** Kecamatan to filter by; no filter controls when omitted. */
  kecamatan?: KecamatanFigures[];
  /** The initial query's page, when the dashboard brought it (since `at`). */
  first?: { page: TablePage; at: number };
}

/**
 * Cooperatives with their figures, a page at a time: the server filters, orders and pages
 * (GET /api/supervision/cooperatives), so a province's 10,000 never travel at once.
 */
export function CooperativesTable({ title, table, empty, initial, kecamatan, first }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<TableQuery>(initial);
  const [search, setSearch] = useState('');
  const page = useCooperativesTable(query, query === initial ? first : undefined);
  const change = (next: Partial<TableQuery>) => setQuery({ ...query, ...next, page: next.page ?? 1 });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change({ q: search.trim() || undefined });
  };
  const data = page.data;
  const pages = data ? Math.ceil(data.total / TABLE_PAGE_SIZE) : 0;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">{title}</Title>
        <ExportButtons table={table} label={title} />
      </Group>
      {kecamatan ? (
        <form onSubmit={submit} role="search" aria-label={t('supervision.table.search')}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput label={t('supervision.table.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} type="search" style={{ flex: '1 1 200px' }} />
            <Button type="submit" variant="light" leftSection={<IconSearch size={16} aria-hidden />}>{t('supervision.table.searchButton')}</Button>
            <Select
              label={t('supervision.columns.kecamatan')}
              data={[{ value: '', label: t('supervision.table.all') }, ...kecamatan.filter((k) => k.code).map((k) => ({ value: k.code ?? '', label: k.name ?? k.code ?? '' }))]}
              value={query.kecamatan ?? ''}
              onChange={(v) => change({ kecamatan: v || undefined })}
              allowDeselect={false}
              searchable
              w={180}
            />
            <Select
              label={t('supervision.columns.band')}
              data={[{ value: '', label: t('supervision.table.all') }, ...BANDS.map((b) => ({ value: b, label: t(`supervision.band.${b}`) }))]}
              value={query.band ?? ''}
              onChange={(v) => change({ band: BANDS.find((b) => b === v) })}
              allowDeselect={false}
              w={170}
            />
            <Select
              label={t('supervision.table.sort')}
              data={TABLE_SORTS.map((s) => ({ value: s, label: t(`supervision.table.sorts.${s}`) }))}
              value={query.sort}
              onChange={(v) => change({ sort: TABLE_SORTS.find((s) => s === v) ?? 'code' })}
              allowDeselect={false}
              w={170}
            />
            <Select
              label={t('supervision.table.order')}
              data={[{ value: 'asc', label: t('supervision.table.asc') }, { value: 'desc', label: t('supervision.table.desc') }]}
              value={query.order}
              onChange={(v) => change({ order: v === 'desc' ? 'desc' : 'asc' })}
              allowDeselect={false}
              w={140}
            />
          </Group>
        </form>
      ) : null}
      {page.isPending ? <Loader size="sm" /> : null}
      {page.isError ? <ErrorAlert error={page.error} /> : null}
      {data ? (
        <>
          <Text size="sm" c="dimmed" data-testid={`${table}-count`}>
            {t('supervision.table.count', { count: data.total, total: formatNumber(data.total) })}
          </Text>
          <CooperativeFiguresTable items={data.items} label={title} empty={empty} />
        </>
      ) : null}
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={query.page}
            onChange={(p) => change({ page: p })}
            aria-label={t('supervision.table.pages', { table: title })}
            getControlProps={(control) => ({ 'aria-label': t(`supervision.table.pageControls.${control}`) })}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
