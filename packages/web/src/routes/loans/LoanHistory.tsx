import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatRupiah } from '../../format';
import type { HistoryEvent } from './loansApi';

/** The loan's story, oldest first: who did what, when, for how much. */
export function LoanHistory({ events }: { events: HistoryEvent[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="loan-history-title">
      <Title order={2} size="h4" id="loan-history-title" mb="sm">
        {t('loans.detail.history')}
      </Title>
      <Timeline bulletSize={12} lineWidth={2} data-testid="loan-history">
        {events.map((e, i) => (
          <Timeline.Item key={i} title={t(`loans.detail.historyKinds.${e.kind}`)}>
            <Text size="xs" c="dimmed">
              {formatDate(e.at)}
              {e.by ? ` · ${e.by.name}` : ''}
              {e.amount !== null ? ` · ${formatRupiah(e.amount)}` : ''}
              {e.note ? ` · ${e.note}` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
