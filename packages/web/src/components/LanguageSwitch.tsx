import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

/** ID / EN toggle; the choice is kept in localStorage and sets `<html lang>`. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={currentLanguage()}
      onChange={(value) => void setLanguage(value === 'en' ? 'en' : 'id')}
      data={[
        {
          value: 'id',
          label: (
            <span lang="id" title="Bahasa Indonesia">
              ID
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span lang="en" title="English">
              EN
            </span>
          ),
        },
      ]}
    />
  );
}
