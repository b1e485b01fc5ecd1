import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { AccountsTable } from './AccountsTable';
import { CasePage } from './CasePage';
import { CasesTable } from './CasesTable';
import { ReportsPanel } from './ReportsPanel';
import { Worklist } from './Worklist';

/** Penanganan kredit bermasalah: the worklist, the cases and the reconciliation; `?kasus=ID` opens a case. */
export default function RecoveryPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [tab, setTab] = useState<string | null>('worklist');
  const caseId = Number(params.get('kasus'));
  if (Number.isInteger(caseId) && caseId > 0) return <CasePage id={caseId} />;
  return (
    <>
      <PageHeader title={t('nav.recovery')} lead={t('recovery.lead')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="worklist">{t('recovery.tabs.worklist')}</Tabs.Tab>
          <Tabs.Tab value="cases">{t('recovery.tabs.cases')}</Tabs.Tab>
          <Tabs.Tab value="accounts">{t('recovery.tabs.accounts')}</Tabs.Tab>
          <Tabs.Tab value="reports">{t('recovery.tabs.reports')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="worklist">
          <Worklist />
        </Tabs.Panel>
        <Tabs.Panel value="cases">
          <CasesTable />
        </Tabs.Panel>
        <Tabs.Panel value="accounts">
          <AccountsTable />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <ReportsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
