import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { explainedByFields, fieldErrors } from '../../components/formErrors';
import { NEW_PRODUCT, ORDERS, PRESETS, draftOf, termsOf, type ProductDraft } from './productDraft';
import { useSaveProduct, type Product } from './productsApi';

const FIELDS = [
  'code',
  'name',
  'ratePercent',
  'minTenor',
  'maxTenor',
  'minAmount',
  'maxAmount',
  'installmentMultiple',
  'penaltyRule.value',
  'penaltyRule.graceDays',
  'penaltyRule.cap',
  'allocationOrder',
  'classificationPreset',
] as const;
const BY_CODE = { product_code_taken: 'code' } as const;
const money = {
  thousandSeparator: '.',
  decimalSeparator: ',',
  allowDecimal: false,
  min: 0,
} as const;

/** Add or edit a product (pengurus). `product` undefined = closed, null = new. */
export function ProductModal({
  product,
  onClose,
}: {
  product: Product | null | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={product !== undefined}
      onClose={onClose}
      size="lg"
      title={product ? t('products.editTitle', { code: product.code }) : t('products.addTitle')}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      {product !== undefined ? (
        <ProductForm key={product?.id ?? 'new'} product={product} onDone={onClose} />
      ) : null}
    </Modal>
  );
}

function ProductForm({ product, onDone }: { product: Product | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveProduct();
  const [d, setD] = useState<ProductDraft>(product ? draftOf(product) : NEW_PRODUCT);
  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) =>
    setD((prev) => ({ ...prev, [key]: value }));
  const errors = fieldErrors(save.error, FIELDS, BY_CODE);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: product?.id ?? null, code: d.code.trim(), terms: termsOf(d) },
      { onSuccess: onDone },
    );
  };
  const f = 'products.fields';
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {product ? (
          <Text size="sm" c="dimmed">
            {t('products.keepTerms')}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t(`${f}.code`)}
            required
            disabled={product !== null}
            value={d.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={errors.code}
          />
          <TextInput
            label={t(`${f}.name`)}
            required
            value={d.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
          />
          <Select
            label={t(`${f}.method`)}
            allowDeselect={false}
            value={d.method}
            onChange={(v) => set('method', v === 'effective' || v === 'annuity' ? v : 'flat')}
            data={(['flat', 'effective', 'annuity'] as const).map((m) => ({
              value: m,
              label: t(`loans.detail.methods.${m}`),
            }))}
          />
          <Select
            label={t(`${f}.frequency`)}
            allowDeselect={false}
            value={d.frequency}
            onChange={(v) =>
              set(
                'frequency',
                v === 'daily' || v === 'weekly' || v === 'fortnightly' ? v : 'monthly',
              )
            }
            data={(['monthly', 'fortnightly', 'weekly', 'daily'] as const).map((m) => ({
              value: m,
              label: t(`loans.detail.frequencies.${m}`),
            }))}
          />
          <NumberInput
            label={t(`${f}.ratePercent`)}
            required
            decimalSeparator=","
            min={0}
            value={d.ratePercent}
            onChange={(v) => set('ratePercent', v)}
            error={errors.ratePercent}
          />
          <Select
            label={t(`${f}.ratePeriod`)}
            allowDeselect={false}
            value={d.ratePeriod}
            onChange={(v) => set('ratePeriod', v === 'year' ? 'year' : 'month')}
            data={(['month', 'year'] as const).map((m) => ({
              value: m,
              label: t(`loans.detail.periods.${m}`),
            }))}
          />
          <NumberInput
            label={t(`${f}.minAmount`)}
            required
            {...money}
            value={d.minAmount}
            onChange={(v) => set('minAmount', v)}
            error={errors.minAmount}
          />
          <NumberInput
            label={t(`${f}.maxAmount`)}
            required
            {...money}
            value={d.maxAmount}
            onChange={(v) => set('maxAmount', v)}
            error={errors.maxAmount}
          />
          <NumberInput
            label={t(`${f}.minTenor`)}
            required
            allowDecimal={false}
            min={1}
            value={d.minTenor}
            onChange={(v) => set('minTenor', v)}
            error={errors.minTenor}
          />
          <NumberInput
            label={t(`${f}.maxTenor`)}
            required
            allowDecimal={false}
            min={1}
            value={d.maxTenor}
            onChange={(v) => set('maxTenor', v)}
            error={errors.maxTenor}
          />
          <NumberInput
            label={t(`${f}.installmentMultiple`)}
            {...money}
            value={d.installmentMultiple}
            onChange={(v) => set('installmentMultiple', v)}
            error={errors.installmentMultiple}
          />
          <Select
            label={t(`${f}.classificationPreset`)}
            allowDeselect={false}
            value={d.classificationPreset}
            onChange={(v) => set('classificationPreset', v ?? 'cooperative_4')}
            data={PRESETS.map((p) => ({ value: p, label: t(`products.presets.${p}`) }))}
            error={errors.classificationPreset}
          />
          <Select
            label={t(`${f}.penaltyKind`)}
            allowDeselect={false}
            value={d.penaltyKind}
            onChange={(v) =>
              set('penaltyKind', v === 'per_day' || v === 'per_installment' ? v : 'none')
            }
            data={(['none', 'per_day', 'per_installment'] as const).map((k) => ({
              value: k,
              label: t(`products.penaltyKinds.${k}`),
            }))}
          />
          {d.penaltyKind !== 'none' ? (
            <>
              <Select
                label={t(`${f}.penaltyBasis`)}
                allowDeselect={false}
                value={d.penaltyBasis}
                onChange={(v) => set('penaltyBasis', v === 'fixed' ? 'fixed' : 'percent')}
                data={(['percent', 'fixed'] as const).map((k) => ({
                  value: k,
                  label: t(`products.penaltyBases.${k}`),
                }))}
              />
              <NumberInput
                label={t(`${f}.penaltyValue`)}
                required
                decimalSeparator=","
                min={0}
                value={d.penaltyValue}
                onChange={(v) => set('penaltyValue', v)}
                error={errors['penaltyRule.value']}
              />
              <NumberInput
                label={t(`${f}.graceDays`)}
                allowDecimal={false}
                min={0}
                value={d.graceDays}
                onChange={(v) => set('graceDays', v)}
                error={errors['penaltyRule.graceDays']}
              />
              <NumberInput
                label={t(`${f}.penaltyCap`)}
                {...money}
                value={d.penaltyCap}
                onChange={(v) => set('penaltyCap', v)}
                error={errors['penaltyRule.cap']}
              />
            </>
          ) : null}
          <Select
            label={t(`${f}.allocationOrder`)}
            allowDeselect={false}
            value={d.allocationOrder}
            onChange={(v) => set('allocationOrder', ORDERS.find((o) => o === v) ?? ORDERS[0])}
            data={ORDERS.map((o) => ({ value: o, label: t(`products.allocationOrders.${o}`) }))}
            error={errors.allocationOrder}
          />
        </SimpleGrid>
        <Checkbox
          label={t(`${f}.collateralRequired`)}
          checked={d.collateralRequired}
          onChange={(e) => set('collateralRequired', e.currentTarget.checked)}
        />
        <Checkbox
          label={t(`${f}.active`)}
          checked={d.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />
        {save.isError && !explainedByFields(save.error, FIELDS, BY_CODE) ? (
          <ErrorAlert error={save.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
