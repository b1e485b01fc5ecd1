import { Badge, Button, Group, Menu, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconDownload, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { AddCooperativeModal } from './AddCooperativeModal';
import { EditCooperativeModal } from './EditCooperativeModal';
import { ImportPanel } from './ImportPanel';
import { StatusModal } from './StatusModal';
import { registryExportUrl, useCooperatives, type Cooperative } from './cooperativesApi';

type Action = { kind: 'edit' | 'status'; cooperative: Cooperative } | null;

function ExportLinks() {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button key={format} component="a" href={registryExportUrl(format)} download variant="light" leftSection={<IconDownload size={16} aria-hidden />} aria-label={`${t('supervision.registry.export')} (${format.toUpperCase()})`}>
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

/** The cooperatives of the district; the platform admin registers, edits, imports and sets their status. */
export default function CooperativesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const cooperatives = useCooperatives();
  const [adding, { open, close }] = useDisclosure(false);
  const [action, setAction] = useState<Action>(null);
  const canEdit = user.role === 'platform_admin';

  return (
    <>
      <PageHeader
        title={t('nav.cooperatives')}
        lead={t('cooperatives.lead')}
        actions={
          <Group gap="xs">
            <ExportLinks />
            {canEdit ? (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={open}>
                {t('cooperatives.add')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Stack gap="lg">
        {cooperatives.isPending ? <FullPageLoader /> : null}
        {cooperatives.isError ? <ErrorAlert error={cooperatives.error} /> : null}
        {cooperatives.data ? <CooperativeTable items={cooperatives.data} onAction={canEdit ? setAction : undefined} /> : null}
        {canEdit ? <ImportPanel /> : null}
      </Stack>
      {canEdit ? <AddCooperativeModal opened={adding} onClose={close} /> : null}
      {action?.kind === 'edit' ? <EditCooperativeModal cooperative={action.cooperative} onClose={() => setAction(null)} /> : null}
      {action?.kind === 'status' ? <StatusModal cooperative={action.cooperative} onClose={() => setAction(null)} /> : null}
    </>
  );
}

function CooperativeTable({ items, onAction }: { items: Cooperative[]; onAction?: (a: Action) => void }) {
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
      <TableScroll label={t('nav.cooperatives')} minWidth={760}>
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Caption>{t('cooperatives.count', { count: items.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cooperatives.code')}</Table.Th>
              <Table.Th scope="col">{t('cooperatives.name')}</Table.Th>
              <Table.Th scope="col">{t('cooperatives.type')}</Table.Th>
              <Table.Th scope="col">{t('supervision.registry.kecamatan')}</Table.Th>
              <Table.Th scope="col">{t('supervision.registry.lastRatYear')}</Table.Th>
              <Table.Th scope="col">{t('supervision.registry.status')}</Table.Th>
              {onAction ? <Table.Th scope="col"><VisuallyHidden>{t('supervision.registry.edit')}</VisuallyHidden></Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Badge variant="light" color="gray" radius="sm">{c.code}</Badge>
                </Table.Td>
                <Table.Td fw={500}>
                  {c.name}
                  {c.nikKoperasi ? <Text size="xs" c="dimmed">{t('cooperatives.nikKoperasi')} {c.nikKoperasi}</Text> : null}
                </Table.Td>
                <Table.Td>{c.type ? t(`cooperatives.types.${c.type}`) : '—'}</Table.Td>
                <Table.Td>{c.kecamatanName ?? '—'}</Table.Td>
                <Table.Td>{c.lastRatYear ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={c.activityStatus === 'active' ? 'green' : 'gray'} variant="light">{t(`supervision.status.${c.activityStatus}`)}</Badge>
                  {c.activityStatus === 'inactive' && c.statusReason ? <Text size="xs" c="dimmed">{c.statusReason}</Text> : null}
                </Table.Td>
                {onAction ? (
                  <Table.Td>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <Button variant="subtle" size="xs" aria-label={`${t('supervision.registry.edit')} ${c.name}`}>
                          <IconDots size={16} aria-hidden />
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => onAction({ kind: 'edit', cooperative: c })}>{t('supervision.registry.edit')}</Menu.Item>
                        <Menu.Item onClick={() => onAction({ kind: 'status', cooperative: c })}>{t('supervision.registry.changeStatus')}</Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}
