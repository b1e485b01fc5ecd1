import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInstantDate, formatRupiah } from '../../format';
import type { LoanDetail } from './loansApi';
import { ClassBadge } from './LoanStatusBadge';

function Facts({ rows, testId }: { rows: [string, React.ReactNode][]; testId?: string }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" component="dl" m={0} data-testid={testId}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={500}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** The loan's terms as agreed: product, rate, instalment, dates, purpose, collateral, capacity, consent. */
export function LoanTerms({ detail }: { detail: LoanDetail }) {
  const { t } = useTranslation();
  const l = detail.loan;
  const dash = t('loans.detail.none');
  const rows: [string, React.ReactNode][] = [
    [t('loans.columns.product'), `${l.product.name} (${l.product.code})`],
    [t('loans.columns.amount'), formatRupiah(l.amount)],
    [t('loans.columns.tenor'), `${l.tenor} × ${t(`loans.detail.frequencies.${l.frequency}`)}`],
    [
      t('products.columns.rate'),
      t('loans.detail.rate', {
        rate: l.ratePercent,
        period: t(`loans.detail.periods.${l.ratePeriod}`),
        method: t(`loans.detail.methods.${l.method}`),
      }),
    ],
    [
      t('loans.detail.installment'),
      l.installmentAmount === null ? dash : formatRupiah(l.installmentAmount),
    ],
    [t('loans.detail.disbursedOn'), l.disbursedOn ? formatDate(l.disbursedOn) : dash],
    [t('loans.detail.maturityOn'), l.maturityOn ? formatDate(l.maturityOn) : dash],
    [t('loans.detail.purpose'), l.purpose],
    [
      t('loans.detail.collateral'),
      l.collateral.length === 0
        ? dash
        : l.collateral
            .map(
              (c) =>
                `${t(`loans.collateralTypes.${c.type}`, { defaultValue: c.type })} ${formatRupiah(c.value)}`,
            )
            .join('; '),
    ],
    [
      t('loans.detail.income'),
      `${l.declaredIncome === null ? dash : formatRupiah(l.declaredIncome)} / ${l.declaredExpenses === null ? dash : formatRupiah(l.declaredExpenses)}`,
    ],
    [
      t('loans.detail.consent'),
      l.consentRef ? `${l.consentRef} (${formatInstantDate(l.consentAt ?? '')})` : dash,
    ],
    [
      t('loans.detail.appliedBy'),
      `${l.appliedBy?.name ?? dash}, ${formatInstantDate(l.appliedAt)}`,
    ],
  ];
  if (l.decidedBy)
    rows.push([
      t('loans.detail.decision'),
      `${t(`loans.status.${l.status === 'rejected' ? 'rejected' : 'approved'}`)}: ${l.decidedBy.name}${l.decisionReason ? ` — ${l.decisionReason}` : ''}`,
    ]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="loan-terms-title">
      <Title order={2} size="h4" id="loan-terms-title" mb="sm">
        {t('loans.detail.terms')}
      </Title>
      <Facts rows={rows} />
    </Paper>
  );
}

/** Today's position: principal left, arrears, penalty, DPD, kolektibilitas, allowance, next due, payoff. */
export function LoanPosition({ detail }: { detail: LoanDetail }) {
  const { t } = useTranslation();
  const s = detail.loan.state;
  const dash = t('loans.detail.none');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="loan-state-title">
      <Title order={2} size="h4" id="loan-state-title" mb="sm">
        {t('loans.detail.state', { date: formatDate(s.asOf ?? detail.businessDate) })}
      </Title>
      <Facts
        testId="loan-position"
        rows={[
          [
            t('loans.detail.outstanding'),
            <span data-testid="outstanding">{formatRupiah(s.outstandingPrincipal)}</span>,
          ],
          [t('loans.detail.arrears'), formatRupiah(s.arrears)],
          [t('loans.detail.penalty'), formatRupiah(s.penaltyDue)],
          [t('loans.detail.dpd'), <span data-testid="dpd">{s.daysPastDue}</span>],
          [t('loans.detail.class'), <ClassBadge code={s.classCode} />],
          [t('loans.detail.allowance'), formatRupiah(s.allowance)],
          [t('loans.detail.nextDue'), s.nextDueOn ? formatDate(s.nextDueOn) : dash],
          [
            t('loans.detail.payoff'),
            detail.payoffAmount === null ? dash : formatRupiah(detail.payoffAmount),
          ],
        ]}
      />
    </Paper>
  );
}
