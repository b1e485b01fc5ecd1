import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../format';
import { BatchTable } from './BatchTable';
import { templateUrl, useFurnishingStatus } from './furnishingApi';
import { UploadForm } from './UploadForm';

/**
 * Furnishing to the shared registry: the monthly file (CSV or XLSX) with its row-numbered
 * error report, the templates, where the cooperative stands, and its past batches.
 */
export default function FurnishingPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.furnishing')} lead={t('furnishing.lead')} />
      <Stack gap="lg">
        <StatusPanel />
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <Paper withBorder p="md" style={{ gridColumn: 'span 2' }}>
            <UploadForm />
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('furnishing.templates')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('furnishing.templatesLead')}
            </Text>
            <Stack gap={6}>
              {(['csv', 'xlsx'] as const).map((format) => (
                <Anchor key={format} href={templateUrl(format)} download>
                  <Group gap={6}>
                    <IconDownload size={16} aria-hidden />
                    {t(`furnishing.template.${format}`)}
                  </Group>
                </Anchor>
              ))}
            </Stack>
          </Paper>
        </SimpleGrid>
        <BatchTable />
      </Stack>
    </>
  );
}

function StatusPanel() {
  const { t } = useTranslation();
  const status = useFurnishingStatus();
  if (status.isError) return <ErrorAlert error={status.error} />;
  if (!status.data) return null;
  const { lastPeriod, lastBatch, missingPeriods, reminder } = status.data;
  return (
    <Stack gap="sm">
      {reminder ? (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('furnishing.reminderTitle')}>
          {missingPeriods.length > 0
            ? t('furnishing.reminderMissing', { periods: missingPeriods.join(', ') })
            : t('furnishing.reminderFirst')}
        </Alert>
      ) : null}
      <Paper withBorder p="md" aria-label={t('furnishing.status')}>
        <Group gap="xl">
          <Fact label={t('furnishing.lastPeriod')} value={lastPeriod ?? '—'} />
          <Fact label={t('furnishing.accepted')} value={lastBatch ? formatNumber(lastBatch.accepted) : '—'} />
          <Fact label={t('furnishing.rejected')} value={lastBatch ? formatNumber(lastBatch.rejected) : '—'} />
        </Group>
      </Paper>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={600}>
        {value}
      </Text>
    </div>
  );
}
