import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LOAN_MANAGERS, LOAN_OFFICERS } from './loanRoles';
import { useLoanAction, type LoanDetail } from './loansApi';

/**
 * What can be done to the loan now, by whom: consent (officers, while applied), approve or
 * reject (pengurus who did not apply), disburse (pengurus, once approved). Pengawas see none.
 */
export function LoanActions({ detail }: { detail: LoanDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const l = detail.loan;
  const action = useLoanAction(l.id);
  const [consentRef, setConsentRef] = useState('');
  const [reason, setReason] = useState('');
  const [disburseOn, setDisburseOn] = useState(detail.businessDate);
  const officer = LOAN_OFFICERS.includes(me.role);
  const manager = LOAN_MANAGERS.includes(me.role);
  const own = l.appliedBy?.id === me.id;
  const canConsent = officer && l.status === 'applied' && !l.consentRef;
  const canDecide = manager && l.status === 'applied';
  const canDisburse = manager && l.status === 'approved';
  if (!canConsent && !canDecide && !canDisburse) return null;
  const run = (name: 'consent' | 'approve' | 'reject' | 'disburse', body: Record<string, string>) =>
    action.mutate({ action: name, body });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="loan-actions-title">
      <Title order={2} size="h4" id="loan-actions-title" mb="sm">
        {t('loans.actions.title')}
      </Title>
      <Stack gap="sm">
        {canConsent ? (
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('loans.actions.consentRef')}
              value={consentRef}
              onChange={(e) => setConsentRef(e.currentTarget.value)}
              style={{ flex: '1 1 200px' }}
            />
            <Button
              variant="light"
              disabled={!consentRef.trim()}
              loading={action.isPending}
              onClick={() => run('consent', { consentRef: consentRef.trim() })}
            >
              {t('loans.actions.recordConsent')}
            </Button>
          </Group>
        ) : null}
        {canDecide && own ? (
          <Alert color="yellow" variant="light">
            {t('loans.actions.ownApplication')}
          </Alert>
        ) : null}
        {canDecide && !own ? (
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('loans.actions.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              style={{ flex: '1 1 220px' }}
            />
            <Button
              color="green"
              loading={action.isPending}
              onClick={() => run('approve', reason.trim() ? { reason: reason.trim() } : {})}
            >
              {t('loans.actions.approve')}
            </Button>
            <Button
              color="red"
              variant="light"
              loading={action.isPending}
              onClick={() => run('reject', { reason: reason.trim() })}
            >
              {t('loans.actions.reject')}
            </Button>
          </Group>
        ) : null}
        {canDisburse ? (
          <Group align="flex-end" gap="sm">
            <TextInput
              type="date"
              label={t('loans.actions.disburseOn')}
              value={disburseOn}
              max={detail.businessDate}
              onChange={(e) => setDisburseOn(e.currentTarget.value)}
            />
            <Button loading={action.isPending} onClick={() => run('disburse', { on: disburseOn })}>
              {t('loans.actions.disburse')}
            </Button>
          </Group>
        ) : null}
        {action.isError ? <ErrorAlert error={action.error} /> : null}
      </Stack>
    </Paper>
  );
}
