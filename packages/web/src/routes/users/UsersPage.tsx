import { Badge, Button, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { isDinasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { AddUserModal } from './AddUserModal';
import { DisableUserModal } from './DisableUserModal';
import { useUsers, type UserAccount } from './usersApi';

/** User accounts: every account for the platform admin, the own cooperative's for a pengurus. */
export default function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUsers();
  const [adding, { open, close }] = useDisclosure(false);
  const [disabling, setDisabling] = useState<UserAccount | null>(null);
  const lead = isDinasRole(me.role)
    ? t('users.leadDinas')
    : t('users.leadCooperative', { cooperative: me.cooperative?.name ?? '' });

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        lead={lead}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={open}>
            {t('users.add')}
          </Button>
        }
      />
      {users.isPending ? <FullPageLoader /> : null}
      {users.isError ? <ErrorAlert error={users.error} /> : null}
      {users.data ? (
        <UserTable
          items={users.data}
          meId={me.id}
          showCooperative={isDinasRole(me.role)}
          onDisable={setDisabling}
        />
      ) : null}
      <AddUserModal opened={adding} onClose={close} />
      <DisableUserModal user={disabling} onClose={() => setDisabling(null)} />
    </>
  );
}

interface TableProps {
  items: UserAccount[];
  meId: number;
  showCooperative: boolean;
  onDisable: (user: UserAccount) => void;
}

function UserTable({ items, meId, showCooperative, onDisable }: TableProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder>
      <TableScroll label={t('nav.users')} minWidth={showCooperative ? 760 : 600}>
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Caption>{t('users.count', { count: items.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('users.username')}</Table.Th>
              <Table.Th scope="col">{t('users.fullName')}</Table.Th>
              <Table.Th scope="col">{t('users.role')}</Table.Th>
              {showCooperative ? <Table.Th scope="col">{t('users.cooperative')}</Table.Th> : null}
              <Table.Th scope="col">{t('users.status')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td ff="monospace">{u.username}</Table.Td>
                <Table.Td fw={500}>{u.fullName}</Table.Td>
                <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                {showCooperative ? (
                  <Table.Td>{u.cooperative?.name ?? t('home.dinas')}</Table.Td>
                ) : null}
                <Table.Td>
                  <Badge variant="light" color={u.disabled ? 'gray' : 'green'} radius="sm">
                    {u.disabled ? t('users.disabled') : t('users.active')}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {!u.disabled && u.id !== meId ? (
                    <Button
                      variant="light"
                      color="red"
                      size="compact-sm"
                      onClick={() => onDisable(u)}
                      aria-label={t('users.disableNamed', { name: u.username })}
                    >
                      {t('users.disable')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg">
          {t('users.empty')}
        </Text>
      ) : null}
    </Paper>
  );
}
