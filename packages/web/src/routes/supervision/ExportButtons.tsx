import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { exportUrl, type SupervisionTable } from './supervisionApi';

/** CSV and XLSX downloads of one dashboard table; the label names the table for screen readers. */
export function ExportButtons({ table, label }: { table: SupervisionTable; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={exportUrl(table, format)}
          download
          size="xs"
          variant="light"
          leftSection={<IconDownload size={14} aria-hidden />}
          aria-label={`${t('supervision.export')} ${label} (${format.toUpperCase()})`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
