import {
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { formatDate } from '../../format';
import { MEMBER_WRITERS, memberPath } from './memberRoles';
import {
  MEMBERS_PER_PAGE,
  useMembers,
  type MemberQuery,
  type MemberStatus,
  type MemberSummary,
} from './membersApi';
import { RegisterMemberModal } from './RegisterMemberModal';

const STATUSES: readonly MemberStatus[] = ['active', 'inactive'];

/** Anggota: search the cooperative's members; petugas and pengurus register new ones. */
export default function MembersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canWrite = MEMBER_WRITERS.includes(me.role);
  const [query, setQuery] = useState<MemberQuery>({ q: '', status: '', page: 0 });
  const [draft, setDraft] = useState(query);
  const [registering, { open, close }] = useDisclosure(false);
  const members = useMembers(query);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ ...draft, q: draft.q.trim(), page: 0 });
  };

  return (
    <>
      <PageHeader
        title={t('nav.members')}
        lead={t('members.lead', { cooperative: me.cooperative?.name ?? '' })}
        actions={
          canWrite ? (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={open}>
              {t('members.register')}
            </Button>
          ) : null
        }
      />
      <form onSubmit={search} role="search" aria-label={t('members.search')}>
        <Group align="flex-end" mb="md" gap="sm" wrap="wrap">
          <TextInput
            label={t('members.search')}
            description={t('members.searchHint')}
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
            style={{ flex: '1 1 260px' }}
            type="search"
          />
          <Select
            label={t('members.statusFilter')}
            data={[
              { value: 'all', label: t('members.statusAll') },
              ...STATUSES.map((s) => ({ value: s, label: t(`members.status.${s}`) })),
            ]}
            value={draft.status || 'all'}
            onChange={(v) => setDraft({ ...draft, status: STATUSES.find((s) => s === v) ?? '' })}
            allowDeselect={false}
            w={180}
          />
          <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />} variant="light">
            {t('members.searchButton')}
          </Button>
        </Group>
      </form>
      {members.isPending ? <FullPageLoader /> : null}
      {members.isError ? <ErrorAlert error={members.error} /> : null}
      {members.data ? <MemberTable items={members.data.items} total={members.data.total} /> : null}
      {members.data && members.data.total > MEMBERS_PER_PAGE ? (
        <Group justify="center" mt="md">
          <Pagination
            total={Math.ceil(members.data.total / MEMBERS_PER_PAGE)}
            value={query.page + 1}
            onChange={(page) => setQuery({ ...query, page: page - 1 })}
            aria-label={t('members.pages')}
            getControlProps={(control) => ({ 'aria-label': t(`members.pageControls.${control}`) })}
          />
        </Group>
      ) : null}
      {canWrite ? <RegisterMemberModal opened={registering} onClose={close} /> : null}
    </>
  );
}

function MemberTable({ items, total }: { items: MemberSummary[]; total: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder>
      <TableScroll label={t('nav.members')} minWidth={620}>
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Caption>{t('members.count', { count: total })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('members.memberNo')}</Table.Th>
              <Table.Th scope="col">{t('members.fullName')}</Table.Th>
              <Table.Th scope="col">{t('members.birthDate')}</Table.Th>
              <Table.Th scope="col">{t('members.joinedOn')}</Table.Th>
              <Table.Th scope="col">{t('members.statusFilter')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td ff="monospace">{m.memberNo}</Table.Td>
                <Table.Td fw={500}>
                  <Anchor component={Link} to={memberPath(m.id)}>
                    {m.fullName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(m.birthDate)}</Table.Td>
                <Table.Td>{formatDate(m.joinedOn)}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={m.status === 'active' ? 'green' : 'gray'}
                    radius="sm"
                  >
                    {t(`members.status.${m.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg">
          {t('members.empty')}
        </Text>
      ) : null}
    </Paper>
  );
}
