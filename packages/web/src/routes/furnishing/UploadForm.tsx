import { Alert, Button, Checkbox, FileInput, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconDownload, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { formatNumber } from '../../format';
import { issuesUrl, useUploadFile, type FurnishingResult } from './furnishingApi';

/** Last month as 'YYYY-MM': the period a monthly file usually reports. */
function lastMonth(today = new Date()): string {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** How many findings the page lists; the downloadable report has every one. */
const SHOWN = 200;

export function UploadForm() {
  const { t } = useTranslation();
  const upload = useUploadFile();
  const [file, setFile] = useState<File | null>(null);
  const [period, setPeriod] = useState(lastMonth());
  const [strict, setStrict] = useState(false);
  const periodValid = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file && periodValid) upload.mutate({ file, period, strict });
  };

  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('furnishing.upload')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FileInput
            label={t('furnishing.file')}
            description={t('furnishing.fileHint')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            leftSection={<IconUpload size={16} aria-hidden />}
            clearable
            clearButtonProps={{ 'aria-label': t('furnishing.clearFile') }}
            required
          />
          <TextInput
            label={t('furnishing.period')}
            description={t('furnishing.periodHint')}
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value.trim())}
            error={periodValid ? undefined : t('furnishing.periodInvalid')}
            required
            maw={220}
          />
          <Checkbox
            label={t('furnishing.strict')}
            description={t('furnishing.strictHint')}
            checked={strict}
            onChange={(e) => setStrict(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={upload.isPending} disabled={!file || !periodValid}>
              {t('furnishing.send')}
            </Button>
          </Group>
        </Stack>
      </form>
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      {upload.data ? <ResultView result={upload.data} /> : null}
    </Stack>
  );
}

function ResultView({ result }: { result: FurnishingResult }) {
  const { t } = useTranslation();
  const summary = result.duplicateOf !== null
    ? t('furnishing.duplicate', { batch: result.duplicateOf })
    : result.stored
      ? t('furnishing.stored', { accepted: formatNumber(result.accepted), rows: formatNumber(result.rows), period: result.period })
      : t('furnishing.notStored', { rejected: formatNumber(result.rejected) });
  return (
    <Stack gap="sm" role="status" aria-live="polite">
      <Alert color={result.stored && result.rejected === 0 ? 'green' : 'orange'} icon={<IconCheck aria-hidden />} title={summary}>
        {t('furnishing.counts', {
          rows: formatNumber(result.rows),
          accepted: formatNumber(result.accepted),
          rejected: formatNumber(result.rejected),
          warnings: formatNumber(result.warnings),
        })}
      </Alert>
      {result.errors.length > 0 ? <FindingsTable result={result} /> : null}
    </Stack>
  );
}

function FindingsTable({ result }: { result: FurnishingResult }) {
  const { t } = useTranslation();
  const shown = result.errors.slice(0, SHOWN);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>{t('furnishing.findings', { count: result.errors.length })}</Text>
        {result.batchId !== null ? (
          <Button component="a" href={issuesUrl(result.batchId)} download variant="light" size="xs" leftSection={<IconDownload size={14} aria-hidden />}>
            {t('furnishing.downloadReport')}
          </Button>
        ) : null}
      </Group>
      <TableScroll label={t('furnishing.findingsLabel')} minWidth={640}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('furnishing.row')}</Table.Th>
              <Table.Th scope="col">{t('furnishing.column')}</Table.Th>
              <Table.Th scope="col">{t('furnishing.value')}</Table.Th>
              <Table.Th scope="col">{t('furnishing.severity')}</Table.Th>
              <Table.Th scope="col">{t('furnishing.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((f, i) => (
              <Table.Tr key={`${f.row}-${f.column}-${i}`}>
                <Table.Td>{f.row}</Table.Td>
                <Table.Td>
                  <code>{f.column}</code>
                </Table.Td>
                <Table.Td>{f.value}</Table.Td>
                <Table.Td>{t(`furnishing.severities.${f.severity}`)}</Table.Td>
                <Table.Td>{f.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {result.errors.length > SHOWN ? (
        <Text size="sm" c="dimmed">
          {t('furnishing.moreInReport', { count: result.errors.length - SHOWN })}
        </Text>
      ) : null}
    </Stack>
  );
}
