import {
  Alert,
  Anchor,
  Fieldset,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../../components/formErrors';
import { formatDate } from '../../format';
import { currentLanguage } from '../../i18n';
import type { DraftField, MemberDraft } from './memberDraft';
import { memberPath } from './memberRoles';
import { useCheckNik } from './membersApi';
import { WarningList } from './WarningList';

interface Props {
  draft: MemberDraft;
  set: <K extends keyof MemberDraft>(key: K, value: MemberDraft[K]) => void;
  errors: Partial<Record<DraftField, string>>;
  /** Register: member number and joining date too. */
  registering: boolean;
  /** The member being edited: finding their own NIK is no news. */
  memberId?: number;
  /** Leaving the form to open an existing member (closes the modal). */
  onLeave: () => void;
}

/**
 * The member's identity and contact fields, shared by the register and edit forms. A full
 * NIK is checked when the field is left: the birth date and sex coded in it, warnings, and
 * whether the NIK already belongs to a member here.
 */
export function MemberFields({ draft, set, errors, registering, memberId, onLeave }: Props) {
  const { t } = useTranslation();
  const check = useCheckNik();
  const separator = currentLanguage() === 'id' ? '.' : ',';
  const checkNik = () => {
    if (draft.nik.replace(/[\s.-]/g, '').length === 16)
      check.mutate({ nik: draft.nik, birthDate: draft.birthDate || undefined });
    else check.reset();
  };
  const existing =
    check.data?.existingMemberId && check.data.existingMemberId !== memberId
      ? check.data.existingMemberId
      : null;
  const nikError =
    errors.nik ?? (check.isError ? fieldErrors(check.error, ['nik'] as const).nik : undefined);
  return (
    <Stack gap="md">
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
          color={check.data.warnings.length > 0 || existing ? 'yellow' : 'blue'}
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
          {existing ? (
            <Text size="sm" mt={4}>
              {t('members.nikExisting')}{' '}
              <Anchor component={Link} to={memberPath(existing)} onClick={onLeave}>
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
        {registering ? (
          <>
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
          </>
        ) : null}
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
    </Stack>
  );
}
