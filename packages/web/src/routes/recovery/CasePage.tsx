import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatRupiah } from '../../format';
import { ClassBadge } from '../loans/LoanStatusBadge';
import { CaseCauses } from './CaseCauses';
import { CaseClaim } from './CaseClaim';
import { CaseNegotiations } from './CaseNegotiations';
import { CaseOptions } from './CaseOptions';
import { CasePromises } from './CasePromises';
import { CaseRestructurings } from './CaseRestructurings';
import { CaseWriteOff } from './CaseWriteOff';
import { useCase, useRecoveryWrite, type CaseDetail } from './recoveryApi';
import { RECOVERY_PATH, RECOVERY_WORKERS } from './recoveryRoles';

/** One case: the loan's position, then causes, negotiations, promises, options and the decisions. */
export function CasePage({ id }: { id: number }) {
  const { t } = useTranslation();
  const detail = useCase(id);
  if (detail.isPending) return <FullPageLoader />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  const d = detail.data;
  return (
    <>
      <Anchor component={Link} to={RECOVERY_PATH} size="sm">← {t('recovery.case.back')}</Anchor>
      <PageHeader title={t('recovery.case.title', { loanNo: d.loan.loanNo, member: d.member.fullName })} actions={<Badge size="lg" variant="light">{t(`recovery.status.${d.case.status}`)}</Badge>} />
      <Stack gap="lg">
        <CaseFacts d={d} />
        <CaseCauses d={d} />
        <CaseNegotiations d={d} />
        <CasePromises d={d} />
        {d.state && d.case.status === 'open' ? <CaseOptions d={d} /> : null}
        <CaseRestructurings d={d} />
        <CaseWriteOff d={d} />
        <CaseClaim d={d} />
      </Stack>
    </>
  );
}

function CaseFacts({ d }: { d: CaseDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const cure = useRecoveryWrite(() => `/recovery/cases/${d.case.id}/cure`, () => ({}));
  const s = d.state;
  const facts: [string, React.ReactNode][] = [
    [t('recovery.case.member'), `${d.member.fullName} (${d.member.memberNo})`],
    [t('recovery.case.officer'), d.loan.officer?.name ?? '—'],
    ...(s ? ([
      [t('recovery.case.class'), <ClassBadge key="c" code={s.classCode} />],
      [t('recovery.case.dpd'), String(s.daysPastDue)],
      [t('recovery.case.arrears'), formatRupiah(s.arrears)],
      [t('recovery.case.penalty'), formatRupiah(s.penaltyDue)],
      [t('recovery.case.outstanding'), formatRupiah(s.outstanding)],
      [t('recovery.case.allowance'), formatRupiah(s.allowance)],
    ] as [string, React.ReactNode][]) : []),
  ];
  return (
    <Paper withBorder p="md" component="section" aria-label={d.loan.loanNo}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">{label}</Text>
            <Text fw={600}>{value}</Text>
          </div>
        ))}
      </SimpleGrid>
      {d.loan.restructuredCount > 0 ? <Text mt="sm">{t('recovery.case.restructured', { count: d.loan.restructuredCount, date: formatDate(d.loan.restructuredOn ?? '') })}</Text> : null}
      {d.elsewhere.accounts > 0 ? (
        <Alert mt="sm" color="orange" variant="light">
          {t('recovery.case.elsewhere', { accounts: d.elsewhere.accounts, cooperatives: d.elsewhere.cooperatives, amount: formatRupiah(d.elsewhere.monthlyInstallments) })}
        </Alert>
      ) : null}
      {d.case.status !== 'open' ? <Text mt="sm" c="dimmed">{t('recovery.case.closed', { status: t(`recovery.status.${d.case.status}`) })}</Text> : null}
      {d.case.status === 'open' && s && s.daysPastDue === 0 && s.arrears === 0 && RECOVERY_WORKERS.includes(me.role) ? (
        <Group mt="sm">
          <Button variant="light" loading={cure.isPending} onClick={() => cure.mutate(undefined)}>{t('recovery.case.cure')}</Button>
        </Group>
      ) : null}
      {cure.isError ? <ErrorAlert error={cure.error} /> : null}
    </Paper>
  );
}
