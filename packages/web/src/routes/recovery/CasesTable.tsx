import { Anchor, Badge, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { TableScroll } from '../../components/TableScroll';
import { formatDate } from '../../format';
import { useCases } from './recoveryApi';
import { casePath } from './recoveryRoles';

/** Every case of the cooperative, newest first, with its status. */
export function CasesTable() {
  const { t } = useTranslation();
  const cases = useCases();
  if (cases.isPending) return <FullPageLoader />;
  if (cases.isError) return <ErrorAlert error={cases.error} />;
  if (cases.data.items.length === 0) return <Text c="dimmed">{t('recovery.cases.empty')}</Text>;
  return (
    <Paper withBorder>
      <TableScroll label={t('recovery.cases.label')} minWidth={640}>
        <Table striped verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('recovery.cases.columns.loanNo')}</Table.Th>
              <Table.Th scope="col">{t('recovery.cases.columns.member')}</Table.Th>
              <Table.Th scope="col">{t('recovery.cases.columns.status')}</Table.Th>
              <Table.Th scope="col">{t('recovery.cases.columns.openedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td><Anchor component={Link} to={casePath(c.id)}>{c.loanNo}</Anchor></Table.Td>
                <Table.Td>{c.memberName}</Table.Td>
                <Table.Td><Badge variant="light">{t(`recovery.status.${c.status}`)}</Badge></Table.Td>
                <Table.Td>{formatDate(c.openedOn)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}
