import { Fieldset, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { FREQUENCIES, INTEREST_METHODS, ROUNDING_MODES } from '@simpul/domain';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { CheckedField, SimulatorValues } from './simulation';

interface Props {
  values: SimulatorValues;
  onChange: (values: SimulatorValues) => void;
  invalid: CheckedField | 'other' | null;
}

/** The loan terms. Every change recomputes the schedule at once; nothing is submitted. */
export function SimulatorForm({ values, onChange, invalid }: Props) {
  const { t } = useTranslation();
  const set =
    <K extends keyof SimulatorValues>(key: K) =>
    (value: SimulatorValues[K]) =>
      onChange({ ...values, [key]: value });
  const separators =
    currentLanguage() === 'id'
      ? { thousandSeparator: '.', decimalSeparator: ',' }
      : { thousandSeparator: ',', decimalSeparator: '.' };
  const error = (field: CheckedField) =>
    invalid === field ? t(`simulator.invalidField.${field}`) : undefined;
  const pick =
    <T extends string>(options: readonly T[], fallback: T) =>
    (value: string | null) =>
      options.find((o) => o === value) ?? fallback;

  return (
    <Stack gap="md">
      <Fieldset legend={t('simulator.loanTerms')} variant="filled" bg="white">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
          <NumberInput
            label={t('simulator.principal')}
            value={values.principal}
            onChange={set('principal')}
            min={1}
            allowNegative={false}
            allowDecimal={false}
            {...separators}
            error={error('principal')}
          />
          <NumberInput
            label={t('simulator.rate')}
            value={values.ratePercent}
            onChange={set('ratePercent')}
            min={0}
            max={1000}
            step={0.1}
            decimalScale={4}
            allowNegative={false}
            decimalSeparator={separators.decimalSeparator}
            error={error('ratePercent')}
          />
          <Select
            label={t('simulator.ratePeriod')}
            data={[
              { value: 'month', label: t('simulator.perMonth') },
              { value: 'year', label: t('simulator.perYear') },
            ]}
            value={values.ratePeriod}
            onChange={(v) =>
              set('ratePeriod')(pick(['month', 'year'] as const, values.ratePeriod)(v))
            }
            allowDeselect={false}
          />
          <NumberInput
            label={t('simulator.tenor')}
            value={values.tenor}
            onChange={set('tenor')}
            min={1}
            max={3660}
            allowNegative={false}
            allowDecimal={false}
            error={error('tenor')}
          />
          <Select
            label={t('simulator.method')}
            data={INTEREST_METHODS.map((m) => ({ value: m, label: t(`simulator.methods.${m}`) }))}
            value={values.method}
            onChange={(v) => set('method')(pick(INTEREST_METHODS, values.method)(v))}
            allowDeselect={false}
          />
          <Select
            label={t('simulator.frequency')}
            data={FREQUENCIES.map((f) => ({ value: f, label: t(`simulator.frequencies.${f}`) }))}
            value={values.frequency}
            onChange={(v) => set('frequency')(pick(FREQUENCIES, values.frequency)(v))}
            allowDeselect={false}
          />
          <TextInput
            type="date"
            label={t('simulator.startDate')}
            value={values.startDate}
            onChange={(e) => set('startDate')(e.currentTarget.value)}
            error={error('startDate')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('simulator.advanced')} variant="filled" bg="white">
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md" verticalSpacing="sm">
          <NumberInput
            label={t('simulator.gracePrincipal')}
            value={values.gracePrincipal}
            onChange={set('gracePrincipal')}
            min={0}
            allowNegative={false}
            allowDecimal={false}
            error={error('gracePrincipal')}
          />
          <NumberInput
            label={t('simulator.graceInterest')}
            value={values.graceInterest}
            onChange={set('graceInterest')}
            min={0}
            allowNegative={false}
            allowDecimal={false}
            error={error('graceInterest')}
          />
          <NumberInput
            label={t('simulator.multiple')}
            description={t('simulator.multipleHint')}
            value={values.multiple}
            onChange={set('multiple')}
            min={1}
            allowNegative={false}
            allowDecimal={false}
            {...separators}
            error={error('multiple')}
          />
          <Select
            label={t('simulator.rounding')}
            data={ROUNDING_MODES.map((r) => ({ value: r, label: t(`simulator.roundings.${r}`) }))}
            value={values.rounding}
            onChange={(v) => set('rounding')(pick(ROUNDING_MODES, values.rounding)(v))}
            allowDeselect={false}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
