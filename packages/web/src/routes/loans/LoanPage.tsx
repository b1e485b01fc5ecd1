import { Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { PageHeader } from '../../components/PageHeader';
import { memberPath } from '../members/memberRoles';
import NotFoundPage from '../NotFoundPage';
import { InstallmentTable } from './InstallmentTable';
import { LoanActions } from './LoanActions';
import { LoanPosition, LoanTerms } from './LoanFacts';
import { LoanHistory } from './LoanHistory';
import { LOAN_MANAGERS, LOAN_OFFICERS, LOANS_PATH } from './loanRoles';
import { agreementUrl, useLoan, type Repayment } from './loansApi';
import { LoanStatusBadge } from './LoanStatusBadge';
import { RegistryCheckSlot } from './RegistryCheckSlot';
import { RepaymentForm } from './RepaymentForm';
import { RepaymentsTable } from './RepaymentsTable';
import { ReverseRepaymentModal } from './ReverseRepaymentModal';

/** One loan: terms, today's position, actions by role, schedule, payments, history, registry check. */
export default function LoanPage() {
  const { loanId } = useParams();
  const id = Number(loanId);
  if (!Number.isSafeInteger(id) || id <= 0) return <NotFoundPage />;
  return <LoanView id={id} />;
}

function LoanView({ id }: { id: number }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const loan = useLoan(id);
  const [reversing, setReversing] = useState<Repayment | null>(null);
  if (loan.isPending) return <FullPageLoader />;
  if (loan.isError) return <ErrorAlert error={loan.error} />;
  const detail = loan.data;
  const l = detail.loan;
  const disbursed = detail.installments.length > 0;
  return (
    <>
      <Anchor
        component={Link}
        to={LOANS_PATH}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('loans.back')}
      </Anchor>
      <PageHeader
        title={`${t('nav.loans')} ${l.loanNo}`}
        lead={
          <Group gap="xs" component="span">
            <Anchor component={Link} to={memberPath(l.member.id)}>
              {l.member.fullName}
            </Anchor>
            <Text span ff="monospace">
              {l.member.memberNo}
            </Text>
            <LoanStatusBadge status={l.status} />
          </Group>
        }
        actions={
          disbursed ? (
            <Button
              component="a"
              href={agreementUrl(l.id)}
              target="_blank"
              rel="noopener"
              variant="light"
              leftSection={<IconFileTypePdf size={18} aria-hidden />}
            >
              {t('loans.detail.agreement')}
            </Button>
          ) : null
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            {disbursed ? <LoanPosition detail={detail} /> : null}
            <LoanActions detail={detail} />
            {l.status === 'active' && LOAN_OFFICERS.includes(me.role) ? (
              <RepaymentForm detail={detail} />
            ) : null}
            {disbursed ? (
              <InstallmentTable rows={detail.installments} today={detail.businessDate} />
            ) : null}
            {disbursed ? (
              <RepaymentsTable
                loanId={l.id}
                items={detail.repayments}
                onReverse={LOAN_MANAGERS.includes(me.role) ? setReversing : null}
              />
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <LoanTerms detail={detail} />
            <RegistryCheckSlot memberId={l.member.id} loanId={l.id} consentRef={l.consentRef} />
            <LoanHistory events={detail.history} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ReverseRepaymentModal
        loanId={l.id}
        repayment={reversing}
        onClose={() => setReversing(null)}
      />
    </>
  );
}
