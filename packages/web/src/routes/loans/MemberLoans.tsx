import { Button, Group, Paper, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { APPLY_PATH, LOAN_OFFICERS } from './loanRoles';
import { useLoans } from './loansApi';
import { LoanTable } from './LoanTable';

/** The member page's loans section: every loan of the member, and a link to apply. */
export function MemberLoans({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const loans = useLoans({ memberId });
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="member-loans-title"
      data-area="member-loans"
    >
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="member-loans-title">
          {t('loans.member.title')}
        </Title>
        {LOAN_OFFICERS.includes(me.role) ? (
          <Button
            component={Link}
            to={APPLY_PATH}
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
          >
            {t('loans.apply')}
          </Button>
        ) : null}
      </Group>
      {loans.isError ? <ErrorAlert error={loans.error} /> : null}
      {loans.data ? (
        <LoanTable
          items={loans.data.items}
          label={t('loans.member.title')}
          empty={t('loans.member.none')}
          showMember={false}
        />
      ) : null}
    </Paper>
  );
}
