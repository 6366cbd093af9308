import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Channel, channels } from '../../shared/schemas/common';

/** Channel names are needed by several features (business profile, clients): one source. */
export function useChannelOptions(): { value: Channel; label: string }[] {
  const { t } = useTranslation();
  return useMemo(() => channels.map((value) => ({ value, label: t(`channels.${value}`) })), [t]);
}
