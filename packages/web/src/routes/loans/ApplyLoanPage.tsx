import {
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { explainedByFields, fieldErrors } from '../../components/formErrors';
import { formatRupiah } from '../../format';
import { useMembers } from '../members/membersApi';
import { useProducts } from '../products/productsApi';
import { ScheduleTable } from '../simulator/ScheduleTable';
import { todayIso } from '../simulator/simulation';
import {
  COLLATERAL_TYPES,
  EMPTY_DRAFT,
  previewSchedule,
  toApplication,
  type ApplicationDraft,
} from './applicationDraft';
import { loanPath, LOANS_PATH } from './loanRoles';
import { useApply } from './loansApi';
import { RegistryCheckSlot } from './RegistryCheckSlot';

const FIELDS = [
  'memberId',
  'productId',
  'amount',
  'tenor',
  'purpose',
  'collateral',
  'declaredIncome',
  'declaredExpenses',
  'consentRef',
] as const;

/** Pengajuan pinjaman: member, product, amount and tenor with the engine's schedule preview, collateral, capacity, consent. */
export default function ApplyLoanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [d, setD] = useState<ApplicationDraft>(EMPTY_DRAFT);
  const [memberSearch, setMemberSearch] = useState('');
  const members = useMembers({ q: memberSearch.trim(), status: 'active', page: 0 });
  const products = useProducts();
  const apply = useApply();
  const active = (products.data?.items ?? []).filter((p) => p.active);
  const product = active.find((p) => String(p.id) === d.productId);
  const schedule = useMemo(() => previewSchedule(product, d, todayIso()), [product, d]);
  const errors = fieldErrors(apply.error, FIELDS);
  const set = <K extends keyof ApplicationDraft>(key: K, value: ApplicationDraft[K]) =>
    setD((prev) => ({ ...prev, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply.mutate(toApplication(d), {
      onSuccess: (detail) => void navigate(loanPath(detail.loan.id)),
    });
  };

  return (
    <>
      <Anchor
        component={Link}
        to={LOANS_PATH}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden /> {t('loans.back')}
      </Anchor>
      <Title order={1} fz={{ base: 24, sm: 28 }} mb={4}>
        {t('loans.form.title')}
      </Title>
      <Text c="dimmed" mb="lg" maw={720}>
        {t('loans.form.lead')}
      </Text>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Select
                label={t('loans.form.member')}
                placeholder={t('loans.form.memberHint')}
                searchable
                required
                searchValue={memberSearch}
                onSearchChange={setMemberSearch}
                nothingFoundMessage={t('loans.form.noMembers')}
                data={(members.data?.items ?? []).map((m) => ({
                  value: String(m.id),
                  label: `${m.fullName} (${m.memberNo})`,
                }))}
                value={d.memberId}
                onChange={(v) => set('memberId', v)}
                error={errors.memberId}
                filter={({ options }) => options}
              />
              <Select
                label={t('loans.form.product')}
                required
                data={active.map((p) => ({ value: String(p.id), label: `${p.name} (${p.code})` }))}
                value={d.productId}
                onChange={(v) => set('productId', v)}
                error={errors.productId}
                description={
                  product
                    ? t('loans.form.productLimits', {
                        min: formatRupiah(product.minAmount),
                        max: formatRupiah(product.maxAmount),
                        minTenor: product.minTenor,
                        maxTenor: product.maxTenor,
                      })
                    : undefined
                }
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={t('loans.form.amount')}
                  required
                  thousandSeparator="."
                  decimalSeparator=","
                  allowDecimal={false}
                  min={0}
                  value={d.amount}
                  onChange={(v) => set('amount', v)}
                  error={errors.amount}
                />
                <NumberInput
                  label={t('loans.form.tenor')}
                  required
                  allowDecimal={false}
                  min={1}
                  value={d.tenor}
                  onChange={(v) => set('tenor', v)}
                  error={errors.tenor}
                />
              </SimpleGrid>
              <TextInput
                label={t('loans.form.purpose')}
                required
                value={d.purpose}
                onChange={(e) => set('purpose', e.currentTarget.value)}
                error={errors.purpose}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('loans.form.collateralType')}
                  clearable
                  placeholder={t('loans.form.collateralNone')}
                  value={d.collateralType || null}
                  data={COLLATERAL_TYPES.map((c) => ({
                    value: c,
                    label: t(`loans.collateralTypes.${c}`),
                  }))}
                  onChange={(v) => set('collateralType', v ?? '')}
                  error={errors.collateral}
                />
                <NumberInput
                  label={t('loans.form.collateralValue')}
                  thousandSeparator="."
                  decimalSeparator=","
                  allowDecimal={false}
                  min={0}
                  value={d.collateralValue}
                  onChange={(v) => set('collateralValue', v)}
                  disabled={!d.collateralType}
                />
                <NumberInput
                  label={t('loans.form.income')}
                  description={t('loans.form.privateHint')}
                  thousandSeparator="."
                  decimalSeparator=","
                  allowDecimal={false}
                  min={0}
                  value={d.income}
                  onChange={(v) => set('income', v)}
                  error={errors.declaredIncome}
                />
                <NumberInput
                  label={t('loans.form.expenses')}
                  description={t('loans.form.privateHint')}
                  thousandSeparator="."
                  decimalSeparator=","
                  allowDecimal={false}
                  min={0}
                  value={d.expenses}
                  onChange={(v) => set('expenses', v)}
                  error={errors.declaredExpenses}
                />
              </SimpleGrid>
              <Fieldset legend={t('loans.registry.title')}>
                <Checkbox
                  label={t('loans.form.consent')}
                  description={t('loans.form.consentHint')}
                  checked={d.consent}
                  onChange={(e) => set('consent', e.currentTarget.checked)}
                  mb="sm"
                />
                <TextInput
                  label={t('loans.form.consentRef')}
                  value={d.consentRef}
                  onChange={(e) => set('consentRef', e.currentTarget.value)}
                  disabled={!d.consent}
                  required={d.consent}
                  error={errors.consentRef}
                />
              </Fieldset>
              {apply.isError && !explainedByFields(apply.error, FIELDS) ? (
                <ErrorAlert error={apply.error} />
              ) : null}
              <Button type="submit" loading={apply.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('loans.form.submit')}
              </Button>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <RegistryCheckSlot
              memberId={d.memberId ? Number(d.memberId) : null}
              consentRef={d.consent ? d.consentRef : null}
            />
            <Paper withBorder p="md" component="section" aria-labelledby="preview-title">
              <Title order={2} size="h4" id="preview-title" mb="xs">
                {t('loans.form.preview')}
              </Title>
              {schedule ? (
                <>
                  <Text size="sm" mb="sm" data-testid="preview-totals">
                    {t('loans.form.previewTotals', {
                      count: schedule.installments.length,
                      first: formatRupiah(schedule.installments[0]?.total ?? 0),
                      interest: formatRupiah(schedule.totals.interest),
                      total: formatRupiah(schedule.totals.total),
                    })}
                  </Text>
                  <ScheduleTable schedule={schedule} />
                </>
              ) : (
                <Text c="dimmed" size="sm">
                  {t('loans.form.previewEmpty')}
                </Text>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
