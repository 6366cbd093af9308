import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each screen names itself in the tab and for screen readers ("Clients · Mila"). */
export function usePageTitle(title: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? t('app.pageTitle', { page: title }) : t('app.name');
  }, [title, t]);
}
