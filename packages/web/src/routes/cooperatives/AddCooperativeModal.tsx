import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { explainedByFields, fieldErrors } from '../../components/formErrors';
import { COOPERATIVE_TYPES, useAddCooperative, type CooperativeType } from './cooperativesApi';

const FIELDS = ['code', 'name', 'nikKoperasi', 'type'] as const;
const BY_CODE = { cooperative_code_taken: 'code' } as const;

function isCooperativeType(value: string | null): value is CooperativeType {
  return (COOPERATIVE_TYPES as readonly (string | null)[]).includes(value);
}

export function AddCooperativeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddCooperative();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [nikKoperasi, setNik] = useState('');
  const [type, setType] = useState<string | null>('ksp');

  const close = () => {
    setCode('');
    setName('');
    setNik('');
    setType('ksp');
    add.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        code: code.trim(),
        name: name.trim(),
        ...(nikKoperasi.trim() ? { nikKoperasi: nikKoperasi.trim() } : {}),
        ...(isCooperativeType(type) ? { type } : {}),
      },
      { onSuccess: close },
    );
  };

  const errors = fieldErrors(add.error, FIELDS, BY_CODE);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('cooperatives.add')}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      size="md"
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          {add.isError && !explainedByFields(add.error, FIELDS, BY_CODE) ? (
            <ErrorAlert error={add.error} />
          ) : null}
          <TextInput
            label={t('cooperatives.code')}
            description={t('cooperatives.codeHint')}
            required
            data-autofocus
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
            error={errors.code}
          />
          <TextInput
            label={t('cooperatives.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label={t('cooperatives.nikKoperasi')}
            description={t('cooperatives.nikKoperasiHint')}
            value={nikKoperasi}
            onChange={(e) => setNik(e.currentTarget.value)}
            error={errors.nikKoperasi}
          />
          <Select
            label={t('cooperatives.type')}
            data={COOPERATIVE_TYPES.map((value) => ({
              value,
              label: t(`cooperatives.types.${value}`),
            }))}
            value={type}
            onChange={setType}
            allowDeselect={false}
            error={errors.type}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
