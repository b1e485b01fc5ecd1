import { PageHeader } from '../../components/PageHeader';
import { useTranslation } from 'react-i18next';

export default function SimulatorPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.simulator')} lead={t('simulator.lead')} />;
}
