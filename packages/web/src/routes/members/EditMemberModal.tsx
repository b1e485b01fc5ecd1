import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { explainedByFields, fieldErrors } from '../../components/formErrors';
import { DRAFT_FIELDS, draftOf, toPatch, type MemberDraft } from './memberDraft';
import { MemberFields } from './MemberFields';
import { useUpdateMember, type Member, type Warning } from './membersApi';

const BY_CODE = { member_nik_taken: 'nik' } as const;

interface Props {
  member: Member | null;
  onClose: () => void;
  onSaved: (warnings: Warning[]) => void;
}

/** Edits a member (a corrected NIK is checked again); the page shows the warnings after saving. */
export function EditMemberModal({ member, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={t('members.edit')}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      size="lg"
    >
      {member ? (
        <EditForm key={member.id} member={member} onClose={onClose} onSaved={onSaved} />
      ) : null}
    </Modal>
  );
}

function EditForm({ member, onClose, onSaved }: Props & { member: Member }) {
  const { t } = useTranslation();
  const update = useUpdateMember(member.id);
  const [draft, setDraft] = useState<MemberDraft>(() => draftOf(member));
  const set = <K extends keyof MemberDraft>(key: K, value: MemberDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(toPatch(draft, member), {
      onSuccess: ({ warnings }) => {
        onClose();
        onSaved(warnings);
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {update.isError && !explainedByFields(update.error, DRAFT_FIELDS, BY_CODE) ? (
          <ErrorAlert error={update.error} />
        ) : null}
        <MemberFields
          draft={draft}
          set={set}
          errors={fieldErrors(update.error, DRAFT_FIELDS, BY_CODE)}
          registering={false}
          memberId={member.id}
          onLeave={onClose}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
