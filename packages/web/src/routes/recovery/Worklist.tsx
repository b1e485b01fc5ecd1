import { Anchor, Button, Group, Paper, Select, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { TableScroll } from '../../components/TableScroll';
import { formatRupiah } from '../../format';
import { ClassBadge } from '../loans/LoanStatusBadge';
import { useOpenCase, useWorklist, type WorklistFilter, type WorklistRow } from './recoveryApi';
import { casePath, RECOVERY_WORKERS } from './recoveryRoles';

const CLASSES = ['L', 'DPK', 'KL', 'D', 'M'];

/** The officers' worklist: loans in arrears, riskiest first, with filters; each row opens (or shows) its case. */
export function Worklist() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [classCode, setClassCode] = useState<string | null>(null);
  const [kecamatan, setKecamatan] = useState('');
  const [mine, setMine] = useState(false);
  const filter: WorklistFilter = {
    ...(classCode ? { classCode } : {}),
    ...(/^\d{6}$/.test(kecamatan) ? { kecamatan } : {}),
    ...(mine ? { officerId: me.id } : {}),
  };
  const list = useWorklist(filter);
  return (
    <>
      <Group mb="md" align="flex-end" gap="sm">
        <Select label={t('recovery.worklist.classFilter')} data={CLASSES} value={classCode} onChange={setClassCode} clearable placeholder={t('recovery.worklist.all')} w={180} />
        <TextInput label={t('recovery.worklist.kecamatanFilter')} value={kecamatan} onChange={(e) => setKecamatan(e.currentTarget.value)} placeholder="331601" w={180} />
        <Switch label={t('recovery.worklist.mine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} mb={8} />
      </Group>
      {list.isPending ? <FullPageLoader /> : list.isError ? <ErrorAlert error={list.error} /> : <WorklistTable items={list.data.items} canOpen={RECOVERY_WORKERS.includes(me.role)} />}
    </>
  );
}

function WorklistTable({ items, canOpen }: { items: WorklistRow[]; canOpen: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCase();
  if (items.length === 0) return <Text c="dimmed">{t('recovery.worklist.empty')}</Text>;
  const c = (key: string) => t(`recovery.worklist.columns.${key}` as 'recovery.worklist.columns.loanNo');
  return (
    <Paper withBorder>
      {open.isError ? <ErrorAlert error={open.error} /> : null}
      <TableScroll label={t('recovery.worklist.label')} minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Caption>{t('recovery.worklist.count', { count: items.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {['priority', 'loanNo', 'member', 'class', 'dpd', 'arrears', 'outstanding', 'broken', 'officer', 'action'].map((k) => (
                <Table.Th key={k} scope="col">{c(k)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.loanId}>
                <Table.Td>{r.priority}</Table.Td>
                <Table.Td>{r.loanNo}</Table.Td>
                <Table.Td>{r.member.fullName}</Table.Td>
                <Table.Td><ClassBadge code={r.classCode} /></Table.Td>
                <Table.Td>{r.daysPastDue}</Table.Td>
                <Table.Td>{formatRupiah(r.arrears)}</Table.Td>
                <Table.Td>{formatRupiah(r.outstanding)}</Table.Td>
                <Table.Td>{r.brokenPromises}</Table.Td>
                <Table.Td>{r.officer?.name ?? '—'}</Table.Td>
                <Table.Td>
                  {r.caseId !== null ? (
                    <Anchor component={Link} to={casePath(r.caseId)}>{t('recovery.worklist.view', { loanNo: r.loanNo })}</Anchor>
                  ) : canOpen ? (
                    <Button size="xs" variant="light" loading={open.isPending}
                      onClick={() => open.mutate({ loanId: r.loanId }, { onSuccess: (d) => void navigate(casePath(d.case.id)) })}>
                      {t('recovery.worklist.open', { loanNo: r.loanNo })}
                    </Button>
                  ) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}
