import { Button, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/formErrors';
import { PageHeader } from '../../components/PageHeader';
import { CreditReport } from './CreditReport';
import { PURPOSES, useInquiry, type Purpose } from './registryApi';

const FIELDS = ['nik', 'fullName', 'birthDate', 'purpose', 'consentRef'] as const;
/** Whole-request codes that are about one field: shown beside it. */
const BY_CODE = {
  inquiry_purpose_required: 'purpose', inquiry_consent_required: 'consentRef', inquiry_name_required: 'fullName', invalid_date: 'birthDate',
  nik_length: 'nik', nik_digits: 'nik', nik_region: 'nik', nik_birth_date: 'nik', nik_sequence: 'nik',
} as const;

function isPurpose(value: string | null): value is Purpose {
  return PURPOSES.some((p) => p === value);
}

/** Whole rupiah typed with or without dots ("5.000.000"); empty → not given. */
function rupiah(text: string): number | undefined {
  const digits = text.replace(/[.\s]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/** Cek registri: an inquiry with purpose and consent, and the credit report it returns. */
export default function InquiryPage() {
  const { t } = useTranslation();
  const inquiry = useInquiry();
  const [nik, setNik] = useState('');
  const [fullName, setFullName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [purpose, setPurpose] = useState<string | null>('new_loan');
  const [consentRef, setConsentRef] = useState('');
  const [income, setIncome] = useState('');
  const [instalment, setInstalment] = useState('');
  const errors = fieldErrors(inquiry.error, FIELDS, BY_CODE);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const inc = rupiah(income);
    const req = rupiah(instalment);
    inquiry.mutate({
      nik: nik.trim(), fullName: fullName.trim(), birthDate, ...(isPurpose(purpose) ? { purpose } : {}), consentRef,
      ...(inc !== undefined ? { income: inc } : {}), ...(req !== undefined ? { requestedInstalment: req } : {}),
    });
  };

  return (
    <>
      <PageHeader title={t('nav.registry')} lead={t('registry.lead')} />
      <Stack gap="lg">
        <Paper withBorder p="md" className="no-print">
          <form onSubmit={submit} aria-labelledby="inquiry-form-title" noValidate>
            <Title order={2} size="h4" mb="sm" id="inquiry-form-title">{t('registry.form.title')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <TextInput label={t('registry.form.nik')} description={t('registry.form.nikHint')} value={nik} onChange={(e) => setNik(e.currentTarget.value)} error={errors.nik} inputMode="numeric" required />
              <TextInput label={t('registry.form.fullName')} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={errors.fullName} required />
              <TextInput label={t('registry.form.birthDate')} type="date" value={birthDate} onChange={(e) => setBirthDate(e.currentTarget.value)} error={errors.birthDate} required />
              <Select label={t('registry.form.purpose')} data={PURPOSES.map((p) => ({ value: p, label: t(`registry.purposes.${p}`) }))} value={purpose} onChange={setPurpose} error={errors.purpose} allowDeselect={false} required />
              <TextInput label={t('registry.form.consentRef')} description={t('registry.form.consentHint')} value={consentRef} onChange={(e) => setConsentRef(e.currentTarget.value)} error={errors.consentRef} required />
              <TextInput label={t('registry.form.income')} value={income} onChange={(e) => setIncome(e.currentTarget.value)} inputMode="numeric" />
              <TextInput label={t('registry.form.instalment')} value={instalment} onChange={(e) => setInstalment(e.currentTarget.value)} inputMode="numeric" />
            </SimpleGrid>
            <Button type="submit" mt="md" loading={inquiry.isPending}>{t('registry.form.submit')}</Button>
          </form>
        </Paper>
        {inquiry.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={inquiry.error} /> : null}
        {inquiry.data ? <CreditReport report={inquiry.data} /> : null}
      </Stack>
    </>
  );
}
