import { Button, Paper, Text, Title } from '@mantine/core';
import { IconShieldSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CreditReport } from './CreditReport';
import { useMemberInquiry } from './registryApi';

/**
 * The registry check beside a loan application: one click runs a new-loan inquiry for the
 * member under the application's consent reference; without consent there is no button.
 */
export function MemberRegistryCheck(props: { memberId: number | null; loanId?: number; consentRef?: string | null }) {
  const { t } = useTranslation();
  const inquiry = useMemberInquiry(props.memberId);
  const ready = props.memberId !== null && Boolean(props.consentRef);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="registry-check-title" data-area="registry-check" data-member-id={props.memberId ?? undefined}>
      <Title order={2} size="h4" id="registry-check-title" mb="xs" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <IconShieldSearch size={18} aria-hidden /> {t('loans.registry.title')}
      </Title>
      {ready ? null : <Text c="dimmed" size="sm">{t('registry.form.consentHint')}</Text>}
      {ready && !inquiry.data ? (
        <Button variant="light" loading={inquiry.isPending} onClick={() => inquiry.mutate({ purpose: 'new_loan', consentRef: props.consentRef ?? '' })}>
          {t('registry.form.submit')}
        </Button>
      ) : null}
      {inquiry.isError ? <ErrorAlert error={inquiry.error} /> : null}
      {inquiry.data ? <CreditReport report={inquiry.data} compact /> : null}
    </Paper>
  );
}
