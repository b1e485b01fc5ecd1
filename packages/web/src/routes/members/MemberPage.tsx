import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconPencil, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatRupiah } from '../../format';
import { MemberLoans } from '../loans/MemberLoans';
import NotFoundPage from '../NotFoundPage';
import { DeactivateMemberModal } from './DeactivateMemberModal';
import { EditMemberModal } from './EditMemberModal';
import { MEMBER_WRITERS } from './memberRoles';
import { useMember, type Member, type Warning } from './membersApi';
import { SavingsPanel } from './SavingsPanel';
import { WarningList } from './WarningList';

/** What the register form passes on: the member was just saved, with these warnings. */
function registeredState(state: unknown): { warnings: Warning[] } | null {
  if (
    typeof state !== 'object' ||
    state === null ||
    !('warnings' in state) ||
    !Array.isArray(state.warnings)
  )
    return null;
  return {
    warnings: state.warnings.filter(
      (w): w is Warning => typeof w === 'object' && w !== null && 'code' in w && 'message' in w,
    ),
  };
}

/** One member: profile (decrypted for the own cooperative), savings, and the place for loans. */
export default function MemberPage() {
  const { memberId } = useParams();
  const id = Number(memberId);
  if (!Number.isSafeInteger(id) || id <= 0) return <NotFoundPage />;
  return <MemberView id={id} />;
}

function MemberView({ id }: { id: number }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const member = useMember(id);
  const [deactivating, { open, close }] = useDisclosure(false);
  const canWrite = MEMBER_WRITERS.includes(me.role);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<Warning[] | null>(null);
  const justRegistered = registeredState(location.state);

  if (member.isPending) return <FullPageLoader />;
  if (member.isError) return <ErrorAlert error={member.error} />;
  const m = member.data;
  const registeredText = t('members.registered', { name: m.fullName, memberNo: m.memberNo });
  const notice = saved
    ? { text: t('members.saved'), warnings: saved }
    : justRegistered && { text: registeredText, warnings: justRegistered.warnings };
  return (
    <>
      <Anchor
        component={Link}
        to="/anggota"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('members.back')}
      </Anchor>
      <PageHeader
        title={m.fullName}
        lead={
          <Group gap="xs" component="span">
            <Text span ff="monospace">
              {m.memberNo}
            </Text>
            <Badge variant="light" color={m.status === 'active' ? 'green' : 'gray'} radius="sm">
              {t(`members.status.${m.status}`)}
            </Badge>
          </Group>
        }
        actions={
          canWrite ? (
            <Group gap="xs">
              <Button variant="light" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)}>
                {t('members.edit')}
              </Button>
              {m.status === 'active' ? (
                <Button variant="light" color="red" leftSection={<IconUserOff size={18} aria-hidden />} onClick={open}>
                  {t('members.deactivate')}
                </Button>
              ) : null}
            </Group>
          ) : null
        }
      />
      {notice ? (
        <Alert color={notice.warnings.length > 0 ? 'yellow' : 'green'} variant="light" mb="md" role="status">
          <Text size="sm">{notice.text}</Text>
          {notice.warnings.length > 0 ? (
            <Text size="sm" fw={500} mt={4}>
              {t('members.savedWithWarnings')}
            </Text>
          ) : null}
          <WarningList warnings={notice.warnings} />
        </Alert>
      ) : null}
      <Stack gap="lg">
        <Profile member={m} />
        <SavingsPanel member={m} canWrite={canWrite} />
        <MemberLoans memberId={m.id} />
      </Stack>
      <DeactivateMemberModal member={deactivating ? m : null} onClose={close} />
      <EditMemberModal member={editing ? m : null} onClose={() => setEditing(false)} onSaved={setSaved} />
    </>
  );
}

function Profile({ member: m }: { member: Member }) {
  const { t } = useTranslation();
  const dash = '—';
  const rows: [string, string][] = [
    [t('members.nik'), m.nik],
    [t('members.birthDate'), formatDate(m.birthDate)],
    [t('members.sex'), t(`members.sexes.${m.sex}`)],
    [t('members.phone'), m.phone ?? dash],
    [t('members.address'), m.address ?? dash],
    [
      t('members.kecamatan'),
      m.kecamatanCode ? `${m.kecamatanName ?? ''} (${m.kecamatanCode})` : dash,
    ],
    [t('members.monthlyIncome'), m.monthlyIncome === null ? dash : formatRupiah(m.monthlyIncome)],
    [t('members.joinedOn'), formatDate(m.joinedOn)],
  ];
  if (m.leftOn) rows.push([t('members.leftOn'), formatDate(m.leftOn)]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="member-profile-title">
      <Title order={2} size="h3" id="member-profile-title" mb="sm">
        {t('members.profile')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} ff={label === t('members.nik') ? 'monospace' : undefined}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
