import { Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { explainedByFields, fieldErrors } from '../../components/formErrors';
import { COOPERATIVE_TYPES, useEditCooperative, type Cooperative, type CooperativeEdit, type CooperativeType } from './cooperativesApi';

const FIELDS = ['name', 'nikKoperasi', 'type', 'legalEntityNo', 'address', 'kecamatanCode', 'foundedOn', 'membersCount', 'boardContacts', 'lastRatYear'] as const;

const text = (v: string): string | null => (v.trim() === '' ? null : v.trim());
const whole = (v: string | number): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const isType = (v: string | null): v is CooperativeType => (COOPERATIVE_TYPES as readonly (string | null)[]).includes(v);

/** The platform admin edits a cooperative's registry facts; the server checks each field. */
export function EditCooperativeModal({ cooperative, onClose }: { cooperative: Cooperative; onClose: () => void }) {
  const { t } = useTranslation();
  const edit = useEditCooperative(cooperative.id);
  const [form, setForm] = useState({
    name: cooperative.name, nikKoperasi: cooperative.nikKoperasi ?? '', type: (cooperative.type ?? 'ksp') as string, legalEntityNo: cooperative.legalEntityNo ?? '',
    address: cooperative.address ?? '', kecamatanCode: cooperative.kecamatanCode ?? '', foundedOn: cooperative.foundedOn ?? '',
    membersCount: cooperative.membersCount ?? ('' as number | string), boardContacts: cooperative.boardContacts ?? '',
    lastRatYear: cooperative.lastRatYear ?? ('' as number | string), registryParticipation: cooperative.registryParticipation,
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const errors = fieldErrors(edit.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CooperativeEdit = {
      name: form.name.trim(), nikKoperasi: text(form.nikKoperasi), legalEntityNo: text(form.legalEntityNo), address: text(form.address),
      kecamatanCode: text(form.kecamatanCode), foundedOn: text(form.foundedOn), membersCount: whole(form.membersCount), boardContacts: text(form.boardContacts),
      lastRatYear: whole(form.lastRatYear), registryParticipation: form.registryParticipation, ...(isType(form.type) ? { type: form.type } : {}),
    };
    edit.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={t('supervision.registry.editTitle', { name: cooperative.name })} closeButtonProps={{ 'aria-label': t('app.close') }} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          {edit.isError && !explainedByFields(edit.error, FIELDS) ? <ErrorAlert error={edit.error} /> : null}
          <TextInput label={t('cooperatives.name')} required data-autofocus value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('cooperatives.nikKoperasi')} value={form.nikKoperasi} onChange={(e) => set('nikKoperasi', e.currentTarget.value)} error={errors.nikKoperasi} />
            <TextInput label={t('supervision.registry.legalEntityNo')} value={form.legalEntityNo} onChange={(e) => set('legalEntityNo', e.currentTarget.value)} error={errors.legalEntityNo} />
            <Select label={t('cooperatives.type')} data={COOPERATIVE_TYPES.map((v) => ({ value: v, label: t(`cooperatives.types.${v}`) }))} value={form.type} onChange={(v) => set('type', v ?? 'ksp')} allowDeselect={false} error={errors.type} />
            <TextInput label={t('supervision.registry.kecamatanCode')} value={form.kecamatanCode} onChange={(e) => set('kecamatanCode', e.currentTarget.value)} error={errors.kecamatanCode} />
            <TextInput label={t('supervision.registry.foundedOn')} value={form.foundedOn} onChange={(e) => set('foundedOn', e.currentTarget.value)} error={errors.foundedOn} />
            <NumberInput label={t('supervision.registry.membersCount')} min={0} allowDecimal={false} value={form.membersCount} onChange={(v) => set('membersCount', v)} error={errors.membersCount} />
            <NumberInput label={t('supervision.registry.lastRatYear')} min={1900} allowDecimal={false} thousandSeparator={false} value={form.lastRatYear} onChange={(v) => set('lastRatYear', v)} error={errors.lastRatYear} />
          </SimpleGrid>
          <Textarea label={t('supervision.registry.address')} value={form.address} onChange={(e) => set('address', e.currentTarget.value)} error={errors.address} autosize minRows={2} />
          <Textarea label={t('supervision.registry.boardContacts')} value={form.boardContacts} onChange={(e) => set('boardContacts', e.currentTarget.value)} error={errors.boardContacts} autosize minRows={2} />
          <Checkbox label={t('supervision.registry.registryParticipation')} checked={form.registryParticipation} onChange={(e) => set('registryParticipation', e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" loading={edit.isPending}>{t('app.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
