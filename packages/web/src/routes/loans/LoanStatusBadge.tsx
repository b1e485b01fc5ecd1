import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoanStatus } from './loansApi';

const COLORS: Record<LoanStatus, string> = {
  applied: 'blue',
  approved: 'cyan',
  rejected: 'gray',
  active: 'green',
  settled: 'teal',
  written_off: 'red',
  forgiven: 'grape',
};

export function LoanStatusBadge({ status }: { status: LoanStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} radius="sm">
      {t(`loans.status.${status}`)}
    </Badge>
  );
}

/** Class codes of every preset: L best … M worst; the colour says how bad. */
export function ClassBadge({ code }: { code: string | null }) {
  if (!code) return <>—</>;
  const color =
    code === 'L' ? 'green' : code === 'DPK' ? 'yellow' : code === 'KL' ? 'orange' : 'red';
  return (
    <Badge variant="filled" color={color} radius="sm" aria-label={`kolektibilitas ${code}`}>
      {code}
    </Badge>
  );
}
