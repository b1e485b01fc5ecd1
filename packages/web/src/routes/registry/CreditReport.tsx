import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { formatDate, formatInstantDate, formatPercent, formatRupiah } from '../../format';
import { useOpenDispute, type CreditReport as Report } from './registryApi';

const GRADE_COLORS = { A: 'green', B: 'teal', C: 'yellow', D: 'orange', E: 'red' } as const;
const IDENTITY_COLORS = { full: 'green', partial: 'orange', none: 'red', unknown: 'gray' } as const;

/**
 * The credit report: identity check, score with its reasons, summary, one line per account
 * with its 24-month history, and — on the member's own report — who looked and the rights.
 * Printable (the browser's print; the API and CLI also give a PDF).
 */
export function CreditReport({ report, compact = false }: { report: Report; compact?: boolean }) {
  const { t } = useTranslation();
  const own = report.purpose === 'own_request';
  return (
    <Stack gap="md" data-area="credit-report" data-inquiry-id={report.inquiryId}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3">{own ? t('registry.report.ownTitle') : t('registry.report.title')}</Title>
          <Text size="sm" c="dimmed">{t('registry.report.inquiryNo', { id: report.inquiryId, at: formatInstantDate(report.generatedAt) })}</Text>
        </div>
        {compact ? null : (
          <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>{t('registry.report.print')}</Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md" aria-label={t('registry.report.score')}>
          <Group gap="sm" align="baseline">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('registry.report.score')}</Text>
            <Text fz={32} fw={700} data-testid="score-value">{report.score.value}</Text>
            <Badge color={GRADE_COLORS[report.score.grade]} variant="light" c="dark.9" size="lg">{t('registry.report.grade', { grade: report.score.grade })}</Badge>
          </Group>
          {report.score.reasons.length > 0 ? (
            <List size="sm" mt="xs" aria-label={t('registry.report.reasons')}>
              {report.score.reasons.map((r) => <List.Item key={r.code}>{r.message}</List.Item>)}
            </List>
          ) : null}
        </Paper>
        <Paper withBorder p="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('registry.report.identity')}</Text>
          <Badge color={IDENTITY_COLORS[report.identityMatch]} variant="light" c="dark.9" mt={4} data-testid="identity-match" data-match={report.identityMatch}>{report.identityMatch}</Badge>
          <Text size="sm" mt={4}>{t(`registry.report.identities.${report.identityMatch}`)}</Text>
          {report.debtService ? (
            <Text size="sm" mt="xs">{t('registry.report.dsr')}: <b>{formatPercent(report.debtService.ratio, 1)}</b></Text>
          ) : null}
        </Paper>
      </SimpleGrid>
      <Summary report={report} />
      <Accounts report={report} own={own} />
      {report.inquiries ? <WhoLooked inquiries={report.inquiries} /> : null}
      {report.rights ? (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">{t('registry.report.rights')}</Title>
          <List size="sm">{report.rights.map((r) => <List.Item key={r}>{r}</List.Item>)}</List>
        </Paper>
      ) : null}
      <Text size="xs" c="dimmed">{t('registry.report.policy')}</Text>
    </Stack>
  );
}

function Summary({ report }: { report: Report }) {
  const { t } = useTranslation();
  const s = report.summary;
  const facts: [string, string][] = [
    [t('registry.report.activeAccounts'), String(s.activeAccounts)],
    [t('registry.report.totalOutstanding'), formatRupiah(s.totalOutstanding)],
    [t('registry.report.monthlyInstalments'), formatRupiah(s.monthlyInstalments)],
    [t('registry.report.worstClassNow'), s.worstClassNow ?? '—'],
    [t('registry.report.worstClass24Months'), s.worstClass24Months ?? '—'],
    [t('registry.report.restructured'), String(s.restructuredAccounts)],
    [t('registry.report.writtenOff'), String(s.writtenOffAccounts)],
    [t('registry.report.forgiven'), String(s.forgivenAccounts)],
    [t('registry.report.disputed'), String(s.disputedEntries)],
    [t('registry.report.inquiries30'), String(s.inquiriesLast30Days)],
    [t('registry.report.inquiries90'), String(s.inquiriesLast90Days)],
  ];
  return (
    <Paper withBorder p="md" aria-label={t('registry.report.summary')}>
      <Title order={3} size="h5" mb="xs">{t('registry.report.summary')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">{label}</Text>
            <Text fw={600}>{value}</Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function Accounts({ report, own }: { report: Report; own: boolean }) {
  const { t } = useTranslation();
  const dispute = useOpenDispute();
  const [due, setDue] = useState<string | null>(null);
  const cols = { cooperative: t('registry.report.columns.cooperative'), ref: t('registry.report.columns.ref'), product: t('registry.report.columns.product'), opened: t('registry.report.columns.opened'), original: t('registry.report.columns.original'), outstanding: t('registry.report.columns.outstanding'), dpd: t('registry.report.columns.dpd'), class: t('registry.report.columns.class'), status: t('registry.report.columns.status'), period: t('registry.report.columns.period'), history: t('registry.report.columns.history') };
  if (report.accounts.length === 0) return <Text c="dimmed">{t('registry.report.noAccounts')}</Text>;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">{t('registry.report.accounts')}</Title>
      {due ? <Alert color="blue">{t('registry.report.disputeOpened', { due: formatDate(due) })}</Alert> : null}
      {dispute.isError ? <ErrorAlert error={dispute.error} /> : null}
      <TableScroll label={t('registry.report.accounts')} minWidth={1000}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>{(Object.keys(cols) as (keyof typeof cols)[]).map((k) => <Table.Th key={k}>{cols[k]}</Table.Th>)}{own ? <Table.Th /> : null}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.accounts.map((a) => (
              <Table.Tr key={a.accountId} data-cooperative={a.cooperative.code}>
                <Table.Td>{a.cooperative.name} ({a.cooperative.code})</Table.Td>
                <Table.Td>{a.accountRef}{a.disputed ? <Badge color="orange" variant="light" c="dark.9" ml={4}>{t('registry.report.disputedBadge')}</Badge> : null}</Table.Td>
                <Table.Td>{a.product ?? '—'}</Table.Td>
                <Table.Td>{formatDate(a.openedOn)}</Table.Td>
                <Table.Td>{formatRupiah(a.originalAmount)}</Table.Td>
                <Table.Td>{formatRupiah(a.outstanding)}</Table.Td>
                <Table.Td>{a.daysPastDue}</Table.Td>
                <Table.Td>{a.class ?? '—'}</Table.Td>
                <Table.Td>{t(`registry.report.statuses.${a.status}`)}</Table.Td>
                <Table.Td>{a.lastPeriod}</Table.Td>
                <Table.Td><Text ff="monospace" size="sm" data-testid="history">{a.history}</Text></Table.Td>
                {own ? (
                  <Table.Td>
                    {a.disputed ? null : (
                      <Button size="xs" variant="light" loading={dispute.isPending} onClick={() => dispute.mutate(a.accountId, { onSuccess: (d) => setDue(d.dueOn) })}>{t('registry.report.dispute')}</Button>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Text size="xs" c="dimmed">{t('registry.report.historyLegend')}</Text>
    </Stack>
  );
}

function WhoLooked({ inquiries }: { inquiries: NonNullable<Report['inquiries']> }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" aria-label={t('registry.report.who')}>
      <Title order={3} size="h5" mb="xs">{t('registry.report.who')}</Title>
      {inquiries.length === 0 ? <Text size="sm" c="dimmed">{t('registry.report.whoEmpty')}</Text> : (
        <List size="sm" data-testid="who-looked">
          {inquiries.map((i) => (
            <List.Item key={`${i.at}-${i.cooperative?.code ?? 'dinas'}`}>
              {formatInstantDate(i.at)} · {i.cooperative ? `${i.cooperative.name} (${i.cooperative.code})` : t('registry.report.dinas')} · {t(`registry.purposes.${i.purpose}`)}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
