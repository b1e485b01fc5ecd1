import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { explainedByFields, fieldErrors } from '../../components/formErrors';
import { DRAFT_FIELDS, EMPTY_DRAFT, toNewMember, type MemberDraft } from './memberDraft';
import { MemberFields } from './MemberFields';
import { memberPath } from './memberRoles';
import { useRegisterMember } from './membersApi';

const BY_CODE = { member_nik_taken: 'nik', member_no_taken: 'memberNo' } as const;

/** Registers a member; the member page then opens with any warnings the server gave. */
export function RegisterMemberModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const register = useRegisterMember();
  const [draft, setDraft] = useState<MemberDraft>(EMPTY_DRAFT);
  const set = <K extends keyof MemberDraft>(key: K, value: MemberDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const close = () => {
    setDraft(EMPTY_DRAFT);
    register.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(toNewMember(draft), {
      onSuccess: ({ member, warnings }) => {
        close();
        void navigate(memberPath(member.id), { state: { registered: true, warnings } });
      },
    });
  };
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
          {register.isError && !explainedByFields(register.error, DRAFT_FIELDS, BY_CODE) ? (
            <ErrorAlert error={register.error} />
          ) : null}
          <MemberFields
            draft={draft}
            set={set}
            errors={fieldErrors(register.error, DRAFT_FIELDS, BY_CODE)}
            registering
            onLeave={close}
          />
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
