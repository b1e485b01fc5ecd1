import { Button, Select, Stack, Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { APPLY_PATH, LOAN_OFFICERS } from './loanRoles';
import { useLoans, type LoanStatus } from './loansApi';
import { LoanTable } from './LoanTable';

const STATUSES: readonly LoanStatus[] = [
  'applied',
  'approved',
  'rejected',
  'active',
  'settled',
  'written_off',
  'forgiven',
];

/** Pinjaman: the approval queue (applied and approved, waiting for a decision or disbursement) and every loan. */
export default function LoansPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [tab, setTab] = useState<string | null>('queue');
  return (
    <>
      <PageHeader
        title={t('nav.loans')}
        lead={t('loans.lead', { cooperative: me.cooperative?.name ?? '' })}
        actions={
          LOAN_OFFICERS.includes(me.role) ? (
            <Button
              component={Link}
              to={APPLY_PATH}
              leftSection={<IconPlus size={18} aria-hidden />}
            >
              {t('loans.apply')}
            </Button>
          ) : null
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="queue">{t('loans.queue')}</Tabs.Tab>
          <Tabs.Tab value="all">{t('loans.all')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="queue">
          <Queue />
        </Tabs.Panel>
        <Tabs.Panel value="all">
          <AllLoans />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Queue() {
  const { t } = useTranslation();
  const applied = useLoans({ status: 'applied' });
  const approved = useLoans({ status: 'approved' });
  if (applied.isPending || approved.isPending) return <FullPageLoader />;
  if (applied.isError) return <ErrorAlert error={applied.error} />;
  if (approved.isError) return <ErrorAlert error={approved.error} />;
  return (
    <LoanTable
      items={[...applied.data.items, ...approved.data.items]}
      label={t('loans.queue')}
      empty={t('loans.queueEmpty')}
    />
  );
}

function AllLoans() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<LoanStatus | undefined>(undefined);
  const loans = useLoans(status ? { status } : {});
  return (
    <Stack gap="md">
      <Select
        label={t('loans.statusFilter')}
        data={[
          { value: 'all', label: t('loans.statusAll') },
          ...STATUSES.map((s) => ({ value: s, label: t(`loans.status.${s}`) })),
        ]}
        value={status ?? 'all'}
        onChange={(v) => setStatus(STATUSES.find((s) => s === v))}
        allowDeselect={false}
        w={220}
      />
      {loans.isPending ? <FullPageLoader /> : null}
      {loans.isError ? <ErrorAlert error={loans.error} /> : null}
      {loans.data ? (
        <LoanTable items={loans.data.items} label={t('loans.all')} empty={t('loans.empty')} />
      ) : null}
    </Stack>
  );
}
