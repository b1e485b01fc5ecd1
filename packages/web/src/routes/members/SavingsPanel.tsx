import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatRupiah } from '../../format';
import type { Member } from './membersApi';
import { MovementForm } from './MovementForm';
import { SAVINGS_KINDS, useBalances } from './savingsApi';
import { StatementTable } from './StatementTable';

/** Simpanan: balance per kind, the deposit/withdrawal form for writers, and the statement. */
export function SavingsPanel({ member, canWrite }: { member: Member; canWrite: boolean }) {
  const { t } = useTranslation();
  const balances = useBalances(member.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="member-savings-title">
      <Title order={2} size="h3" id="member-savings-title" mb="sm">
        {t('savings.title')}
      </Title>
      <Stack gap="md">
        {balances.isError ? <ErrorAlert error={balances.error} /> : null}
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {SAVINGS_KINDS.map((kind) => (
            <Balance
              key={kind}
              label={t(`savings.kinds.${kind}`)}
              value={balances.data?.balances[kind]}
              testId={`balance-${kind}`}
            />
          ))}
          <Balance
            label={t('savings.total')}
            value={balances.data?.total}
            testId="balance-total"
            strong
          />
        </SimpleGrid>
        {canWrite ? <MovementForm member={member} /> : null}
        <StatementTable memberId={member.id} canWrite={canWrite} />
      </Stack>
    </Paper>
  );
}

function Balance({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: number | undefined;
  testId: string;
  strong?: boolean;
}) {
  return (
    <Paper bg="gray.0" p="sm" radius="sm">
      <Text size="xs" c="dimmed" id={`${testId}-label`}>
        {label}
      </Text>
      <Text
        fw={strong ? 700 : 600}
        fz="lg"
        aria-labelledby={`${testId}-label`}
        data-testid={testId}
      >
        {value === undefined ? '…' : formatRupiah(value)}
      </Text>
    </Paper>
  );
}
