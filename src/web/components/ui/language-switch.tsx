import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { locales } from '../../../shared/lists';
import type { Locale } from '../../../shared/schemas/common';
import { currentLanguage, isLocale } from '../../lib/i18n';
import { GlobeIcon } from './icons';

/** Each language is named in itself (עברית / English), whatever the current UI language. */
function endonym(locale: Locale): string {
  return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
}

type Props = { onChange: (locale: Locale) => void };

export function LanguageSwitch({ onChange }: Props) {
  // useTranslation re-renders this on every language change, so the shown value stays current.
  const { t } = useTranslation();
  const value = currentLanguage();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      value={value}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLocale(next)) onChange(next);
      }}
      leftSection={<GlobeIcon size={16} />}
      size="sm"
      w={124}
    >
      {locales.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {endonym(locale)}
        </option>
      ))}
    </NativeSelect>
  );
}
