import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { formatInstantDate } from '../../format';
import { AddCooperativeModal } from './AddCooperativeModal';
import { useCooperatives, type Cooperative } from './cooperativesApi';

/** The cooperatives of the district; the platform admin registers new ones here. */
export default function CooperativesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const cooperatives = useCooperatives();
  const [adding, { open, close }] = useDisclosure(false);
  const canAdd = user.role === 'platform_admin';

  return (
    <>
      <PageHeader
        title={t('nav.cooperatives')}
        lead={t('cooperatives.lead')}
        actions={
          canAdd ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={open}>
              {t('cooperatives.add')}
            </Button>
          ) : null
        }
      />
      {cooperatives.isPending ? <FullPageLoader /> : null}
      {cooperatives.isError ? <ErrorAlert error={cooperatives.error} /> : null}
      {cooperatives.data ? <CooperativeTable items={cooperatives.data} /> : null}
      {canAdd ? <AddCooperativeModal opened={adding} onClose={close} /> : null}
    </>
  );
}

function CooperativeTable({ items }: { items: Cooperative[] }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <Paper withBorder p="xl" ta="center">
        <Text c="dimmed">{t('cooperatives.empty')}</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder>
      <TableScroll label={t('nav.cooperatives')} minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Caption>{t('cooperatives.count', { count: items.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cooperatives.code')}</Table.Th>
              <Table.Th scope="col">{t('cooperatives.name')}</Table.Th>
              <Table.Th scope="col">{t('cooperatives.nikKoperasi')}</Table.Th>
              <Table.Th scope="col">{t('cooperatives.type')}</Table.Th>
              <Table.Th scope="col">{t('cooperatives.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Badge variant="light" color="gray" radius="sm">
                    {c.code}
                  </Badge>
                </Table.Td>
                <Table.Td fw={500}>{c.name}</Table.Td>
                <Table.Td>{c.nikKoperasi ?? '—'}</Table.Td>
                <Table.Td>{c.type ? t(`cooperatives.types.${c.type}`) : '—'}</Table.Td>
                <Table.Td>{formatInstantDate(c.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}
