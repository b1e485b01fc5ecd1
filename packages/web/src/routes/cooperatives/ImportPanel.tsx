import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { useImportRegistry, type ImportResult } from './cooperativesApi';

function Findings({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Alert color={result.rejected > 0 ? 'orange' : 'green'} variant="light" role="status">
        {t('supervision.registry.importResult', { rows: result.rows, created: result.created, updated: result.updated, rejected: result.rejected })}
      </Alert>
      {result.errors.length > 0 ? (
        <Paper withBorder>
          <TableScroll label={t('supervision.registry.import')} minWidth={520}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('supervision.registry.row')}</Table.Th>
                  <Table.Th scope="col">{t('supervision.registry.column')}</Table.Th>
                  <Table.Th scope="col">{t('supervision.registry.value')}</Table.Th>
                  <Table.Th scope="col">{t('supervision.registry.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.errors.map((e, i) => (
                  <Table.Tr key={`${e.row}-${e.column}-${i}`}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.column}</Table.Td>
                    <Table.Td>{e.value || '—'}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Paper>
      ) : null}
    </Stack>
  );
}

/** The Dinas's existing list (CSV/XLSX) in: good rows stored, bad rows reported by row. */
export function ImportPanel() {
  const { t } = useTranslation();
  const upload = useImportRegistry();
  const [file, setFile] = useState<File | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('supervision.registry.import')}</Title>
        <Text size="sm" c="dimmed">{t('supervision.registry.importHint')}</Text>
        <form onSubmit={submit}>
          <Group align="flex-end">
            <FileInput
              label={t('supervision.registry.importFile')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={setFile}
              leftSection={<IconUpload size={16} aria-hidden />}
              clearable
              clearButtonProps={{ 'aria-label': t('supervision.registry.clearFile') }}
              miw={260}
            />
            <Button type="submit" loading={upload.isPending} disabled={!file}>{t('supervision.registry.importSend')}</Button>
          </Group>
        </form>
        {upload.isError ? <ErrorAlert error={upload.error} /> : null}
        {upload.data ? <Findings result={upload.data} /> : null}
      </Stack>
    </Paper>
  );
}
