import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading';

/** Shown only if a screen takes more than a moment to load (slow network). */
export function PendingPage() {
  const { t } = useTranslation();
  return <Loading label={t('common.loading')} />;
}
