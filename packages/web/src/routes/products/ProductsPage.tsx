import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { formatRupiah } from '../../format';
import { LOAN_MANAGERS } from '../loans/loanRoles';
import { ProductModal } from './ProductModal';
import { useProducts, type Product } from './productsApi';

/** Produk pinjaman: every product's terms; pengurus add and edit, petugas and pengawas read. */
export default function ProductsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = LOAN_MANAGERS.includes(me.role);
  const products = useProducts();
  const [editing, setEditing] = useState<Product | null | undefined>(undefined);
  return (
    <>
      <PageHeader
        title={t('nav.products')}
        lead={t('products.lead', { cooperative: me.cooperative?.name ?? '' })}
        actions={
          canEdit ? (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => setEditing(null)}
            >
              {t('products.add')}
            </Button>
          ) : null
        }
      />
      {products.isPending ? <FullPageLoader /> : null}
      {products.isError ? <ErrorAlert error={products.error} /> : null}
      {products.data ? (
        <ProductTable items={products.data.items} onEdit={canEdit ? setEditing : null} />
      ) : null}
      {canEdit ? <ProductModal product={editing} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}

function penaltyText(t: TFunction, p: Product): string {
  const rule = p.penaltyRule;
  if (rule.kind === 'none') return t('products.penaltyKinds.none');
  const amount = rule.basis === 'percent' ? `${rule.value}%` : formatRupiah(rule.value);
  return `${amount} · ${t(`products.penaltyKinds.${rule.kind}`)}`;
}

function ProductTable({
  items,
  onEdit,
}: {
  items: Product[];
  onEdit: ((p: Product) => void) | null;
}) {
  const { t } = useTranslation();
  const c = 'products.columns';
  return (
    <Paper withBorder>
      <TableScroll label={t('nav.products')} minWidth={820}>
        <Table striped verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              {(
                ['code', 'name', 'method', 'rate', 'amount', 'tenor', 'penalty', 'status'] as const
              ).map((k) => (
                <Table.Th key={k} scope="col">
                  {t(`${c}.${k}`)}
                </Table.Th>
              ))}
              {onEdit ? (
                <Table.Th scope="col">
                  <span aria-hidden />
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td ff="monospace">{p.code}</Table.Td>
                <Table.Td fw={500}>{p.name}</Table.Td>
                <Table.Td>{t(`loans.detail.methods.${p.method}`)}</Table.Td>
                <Table.Td>
                  {t('products.summary.rate', {
                    rate: p.ratePercent,
                    period: t(`loans.detail.periods.${p.ratePeriod}`),
                  })}
                </Table.Td>
                <Table.Td>
                  {t('products.summary.limits', {
                    min: formatRupiah(p.minAmount),
                    max: formatRupiah(p.maxAmount),
                  })}
                </Table.Td>
                <Table.Td>
                  {t('products.summary.tenors', {
                    min: p.minTenor,
                    max: p.maxTenor,
                    frequency: t(`loans.detail.frequencies.${p.frequency}`),
                  })}
                </Table.Td>
                <Table.Td>{penaltyText(t, p)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={p.active ? 'green' : 'gray'} radius="sm">
                    {p.active ? t('products.active') : t('products.inactive')}
                  </Badge>
                </Table.Td>
                {onEdit ? (
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => onEdit(p)}
                      aria-label={`${t('products.edit')} ${p.code}`}
                    >
                      {t('products.edit')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg">
          {t('products.empty')}
        </Text>
      ) : null}
    </Paper>
  );
}
