import { Alert, Paper, Stack, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ScheduleSummary } from './ScheduleSummary';
import { ScheduleTable } from './ScheduleTable';
import { SimulatorForm } from './SimulatorForm';
import { DEFAULT_VALUES, simulate, type SimulatorValues } from './simulation';

const ScheduleChart = lazy(() => import('./ScheduleChart'));

/** "Simulasi angsuran": the loan engine in the browser, so an offer shows what it really costs. */
export default function SimulatorPage() {
  const { t } = useTranslation();
  const [values, setValues] = useState<SimulatorValues>(DEFAULT_VALUES);
  const deferred = useDeferredValue(values);
  const result = useMemo(() => simulate(deferred), [deferred]);

  return (
    <>
      <PageHeader title={t('nav.simulator')} lead={t('simulator.lead')} />
      <Stack gap="lg">
        <SimulatorForm
          values={values}
          onChange={setValues}
          invalid={result.ok ? null : result.field}
        />
        <section aria-labelledby="sim-results" aria-live="polite" aria-busy={values !== deferred}>
          <Title order={2} fz="lg" id="sim-results" mb="sm">
            {t('simulator.results')}
          </Title>
          {result.ok ? (
            <Stack gap="md">
              <ScheduleSummary
                schedule={result.schedule}
                effectivePerYear={result.effectivePerYear}
              />
              <Paper withBorder p="md">
                <Title order={3} fz="md" mb="sm">
                  {t('simulator.chartTitle')}
                </Title>
                <Suspense fallback={<div style={{ height: 220 }} />}>
                  <ScheduleChart schedule={result.schedule} />
                </Suspense>
              </Paper>
              <Title order={3} fz="md">
                {t('simulator.scheduleTitle')}
              </Title>
              <ScheduleTable schedule={result.schedule} />
            </Stack>
          ) : (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('simulator.invalid')}
            >
              {t(`simulator.invalidField.${result.field}`)}
            </Alert>
          )}
        </section>
      </Stack>
    </>
  );
}
