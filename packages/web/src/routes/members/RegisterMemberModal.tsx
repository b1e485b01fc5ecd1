import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { explainedByFields, fieldErrors } from '../../components/formErrors';
import { formatDate } from '../../format';
import { currentLanguage } from '../../i18n';
import { memberPath } from './memberRoles';
import { useCheckNik, useRegisterMember, type NewMember } from './membersApi';
import { WarningList } from './WarningList';

const FIELDS = [
  'fullName',
  'nik',
  'memberNo',
  'birthDate',
  'phone',
  'address',
  'monthlyIncome',
  'kecamatanCode',
  'joinedOn',
] as const;
const BY_CODE = { member_nik_taken: 'nik', member_no_taken: 'memberNo' } as const;

type Draft = Record<Exclude<(typeof FIELDS)[number], 'monthlyIncome'>, string> & {
  monthlyIncome: number | string;
};
const EMPTY: Draft = {
  fullName: '',
  nik: '',
  memberNo: '',
  birthDate: '',
  phone: '',
  address: '',
  monthlyIncome: '',
  kecamatanCode: '',
  joinedOn: '',
};

/** The request body: empty optional fields are left out so the server applies its defaults. */
function toInput(d: Draft): NewMember {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    fullName: d.fullName.trim(),
    nik: d.nik.trim(),
    memberNo: optional(d.memberNo),
    birthDate: optional(d.birthDate),
    phone: optional(d.phone),
    address: optional(d.address),
    monthlyIncome: typeof d.monthlyIncome === 'number' ? d.monthlyIncome : undefined,
    kecamatanCode: optional(d.kecamatanCode),
    joinedOn: optional(d.joinedOn),
  };
}

/**
 * Registers a member. The NIK is checked as soon as it is typed in full: the birth date and
 * sex coded in it, warnings (unknown region, a birth date that differs) and whether the NIK
 * is already a member here. After saving, the member page opens with any warnings.
 */
export function RegisterMemberModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const register = useRegisterMember();
  const check = useCheckNik();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const separator = currentLanguage() === 'id' ? '.' : ',';

  const close = () => {
    setDraft(EMPTY);
    register.reset();
    check.reset();
    onClose();
  };
  const checkNik = () => {
    if (draft.nik.replace(/[\s.-]/g, '').length === 16)
      check.mutate({ nik: draft.nik, birthDate: draft.birthDate || undefined });
    else check.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(toInput(draft), {
      onSuccess: ({ member, warnings }) => {
        close();
        void navigate(memberPath(member.id), { state: { registered: true, warnings } });
      },
    });
  };
  const errors = fieldErrors(register.error, FIELDS, BY_CODE);
  const nikError =
    errors.nik ?? (check.isError ? fieldErrors(check.error, ['nik'] as const).nik : undefined);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('members.register')}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {register.isError && !explainedByFields(register.error, FIELDS, BY_CODE) ? (
            <ErrorAlert error={register.error} />
          ) : null}
          <TextInput
            label={t('members.fullName')}
            required
            data-autofocus
            value={draft.fullName}
            onChange={(e) => set('fullName', e.currentTarget.value)}
            error={errors.fullName}
          />
          <TextInput
            label={t('members.nik')}
            description={t('members.nikHint')}
            required
            inputMode="numeric"
            autoComplete="off"
            value={draft.nik}
            onChange={(e) => set('nik', e.currentTarget.value)}
            onBlur={checkNik}
            error={nikError}
          />
          {check.data ? (
            <Alert
              color={
                check.data.warnings.length > 0 || check.data.existingMemberId ? 'yellow' : 'blue'
              }
              variant="light"
              aria-live="polite"
            >
              <Text size="sm">
                {t('members.nikChecked', {
                  date: formatDate(check.data.birthDate),
                  sex: t(`members.sexes.${check.data.sex}`),
                })}
              </Text>
              <WarningList warnings={check.data.warnings} />
              {check.data.existingMemberId ? (
                <Text size="sm" mt={4}>
                  {t('members.nikExisting')}{' '}
                  <Anchor
                    component={Link}
                    to={memberPath(check.data.existingMemberId)}
                    onClick={close}
                  >
                    {t('members.openExisting')}
                  </Anchor>
                </Text>
              ) : null}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              type="date"
              label={t('members.birthDate')}
              description={t('members.birthDateHint')}
              value={draft.birthDate}
              onChange={(e) => set('birthDate', e.currentTarget.value)}
              onBlur={checkNik}
              error={errors.birthDate}
            />
            <TextInput
              type="date"
              label={t('members.joinedOn')}
              value={draft.joinedOn}
              onChange={(e) => set('joinedOn', e.currentTarget.value)}
              error={errors.joinedOn}
            />
            <TextInput
              label={t('members.memberNo')}
              description={t('members.memberNoHint')}
              value={draft.memberNo}
              onChange={(e) => set('memberNo', e.currentTarget.value)}
              error={errors.memberNo}
            />
          </SimpleGrid>
          <Fieldset legend={t('members.optional')} variant="filled" bg="white">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <TextInput
                type="tel"
                label={t('members.phone')}
                value={draft.phone}
                onChange={(e) => set('phone', e.currentTarget.value)}
                error={errors.phone}
              />
              <NumberInput
                label={t('members.monthlyIncome')}
                value={draft.monthlyIncome}
                onChange={(v) => set('monthlyIncome', v)}
                min={0}
                allowNegative={false}
                allowDecimal={false}
                thousandSeparator={separator}
                decimalSeparator={separator === '.' ? ',' : '.'}
                error={errors.monthlyIncome}
              />
              <TextInput
                label={t('members.kecamatanCode')}
                description={t('members.kecamatanHint')}
                inputMode="numeric"
                value={draft.kecamatanCode}
                onChange={(e) => set('kecamatanCode', e.currentTarget.value)}
                error={errors.kecamatanCode}
              />
            </SimpleGrid>
            <Textarea
              mt="md"
              label={t('members.address')}
              autosize
              minRows={2}
              value={draft.address}
              onChange={(e) => set('address', e.currentTarget.value)}
              error={errors.address}
            />
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={register.isPending}>
              {t('members.register')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
