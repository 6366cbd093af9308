import { NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Group } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dealerTypes, paymentTermsDays } from '../../../../shared/schemas/accounts';
import { locales } from '../../../../shared/schemas/common';
import { ChipGroupField } from '../../../components/ui/chip-group-field';
import { TimeSelect } from '../../../components/ui/time-select';
import { WeeklyHoursEditor } from '../../../components/ui/weekly-hours-editor';
import { currencyName, timeZoneOptions } from '../../../lib/format';
import { currentIntlLocale, isLocale } from '../../../lib/i18n';
import { useChannelOptions } from '../../../lib/option-labels';
import type { BusinessProfileValues } from './business-profile-values';

const CURRENCIES = ['ILS', 'USD', 'EUR', 'GBP'] as const;

function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  // Some engines list only canonical ids; make sure the Israeli default is always offered.
  return zones.includes('Asia/Jerusalem') ? zones : ['Asia/Jerusalem', ...zones];
}

type Props = {
  values: BusinessProfileValues;
  /** `path` is relative to the profile (e.g. `serviceHours.sun.0`). */
  onChange: (patch: Partial<BusinessProfileValues>, path: string) => void;
  error: (path: string) => string | undefined;
  /** Settings also edit how clients reach the business; the first-run wizard keeps it short. */
  withContactDetails?: boolean;
  /** The morning digest e-mail (Settings only). */
  withDigest?: boolean;
};

const DEFAULT_DIGEST_TIME = '07:30';

export function BusinessProfileFields({
  values,
  onChange,
  error,
  withContactDetails = false,
  withDigest = false,
}: Props) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const channelOptions = useChannelOptions();
  const zoneOptions = useMemo(() => timeZoneOptions(timeZones(), intlLocale), [intlLocale]);
  const exempt = values.dealerType === 'exempt';

  return (
    <Stack gap="lg">
      <TextInput
        label={t('business.name')}
        description={t('business.nameHint')}
        required
        value={values.name}
        onChange={(e) => onChange({ name: e.currentTarget.value }, 'name')}
        error={error('name')}
        autoComplete="organization"
      />

      <Radio.Group
        label={t('business.dealerType')}
        value={values.dealerType}
        onChange={(value) => {
          const dealerType = dealerTypes.find((d) => d === value);
          if (dealerType) onChange({ dealerType }, 'dealerType');
        }}
        error={error('dealerType')}
      >
        <Group gap="lg" mt={6}>
          {dealerTypes.map((type) => (
            <Radio key={type} value={type} label={t(`dealerTypes.${type}`)} />
          ))}
        </Group>
      </Radio.Group>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('business.businessNumber')}
          description={t('business.businessNumberHint')}
          inputMode="numeric"
          dir="ltr"
          value={values.businessNumber}
          onChange={(e) => onChange({ businessNumber: e.currentTarget.value }, 'businessNumber')}
          error={error('businessNumber')}
        />
        {exempt ? (
          <Text size="sm" c="dimmed" pt={{ base: 0, sm: 28 }}>
            {t('business.exemptNoVat')}
          </Text>
        ) : (
          <NumberInput
            label={t('business.vatRate')}
            suffix="%"
            min={0}
            max={100}
            decimalScale={2}
            allowNegative={false}
            hideControls
            dir="ltr"
            value={values.vatPercent}
            onChange={(value) => onChange({ vatPercent: value }, 'vatRateBasisPoints')}
            error={error('vatRateBasisPoints')}
          />
        )}
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('business.currency')}
          data={CURRENCIES.map((code) => ({ value: code, label: `${currencyName(code, intlLocale)} (${code})` }))}
          value={values.currency}
          onChange={(value) => value && onChange({ currency: value }, 'currency')}
          allowDeselect={false}
          error={error('currency')}
        />
        <Select
          label={t('business.timeZone')}
          data={zoneOptions}
          searchable
          value={values.timeZone}
          onChange={(value) => value && onChange({ timeZone: value }, 'timeZone')}
          allowDeselect={false}
          nothingFoundMessage={t('common.nothingFound')}
          error={error('timeZone')}
          limit={50}
        />
      </SimpleGrid>

      <WeeklyHoursEditor
        legend={t('business.serviceHours')}
        value={values.serviceHours}
        onChange={(serviceHours, path) => onChange({ serviceHours }, path)}
        error={error}
        pathPrefix="serviceHours"
      />

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('business.paymentTerms')}
          data={paymentTermsDays.map((days) => ({ value: String(days), label: t('paymentTerms.net', { days }) }))}
          value={String(values.paymentTermsDays)}
          onChange={(value) => value && onChange({ paymentTermsDays: Number(value) }, 'paymentTermsDays')}
          allowDeselect={false}
          error={error('paymentTermsDays')}
        />
        <TextInput
          label={t('business.paymentTermsNote')}
          placeholder={t('business.paymentTermsNotePlaceholder')}
          value={values.paymentTermsNote}
          onChange={(e) => onChange({ paymentTermsNote: e.currentTarget.value }, 'paymentTermsNote')}
          error={error('paymentTermsNote')}
        />
      </SimpleGrid>

      <ChipGroupField
        label={t('business.preferredChannels')}
        description={t('business.preferredChannelsHint')}
        options={channelOptions}
        value={values.preferredChannels}
        onChange={(preferredChannels) => onChange({ preferredChannels }, 'preferredChannels')}
        error={error('preferredChannels')}
      />

      <Radio.Group
        label={t('business.locale')}
        description={t('business.localeHint')}
        value={values.locale}
        onChange={(value) => isLocale(value) && onChange({ locale: value }, 'locale')}
        error={error('locale')}
      >
        <Group gap="lg" mt={6}>
          {locales.map((locale) => (
            <Radio key={locale} value={locale} label={t(`languages.${locale}`)} />
          ))}
        </Group>
      </Radio.Group>

      {withContactDetails && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('business.email')}
              type="email"
              dir="ltr"
              autoComplete="email"
              value={values.email}
              onChange={(e) => onChange({ email: e.currentTarget.value }, 'email')}
              error={error('email')}
            />
            <TextInput
              label={t('business.phone')}
              type="tel"
              dir="ltr"
              autoComplete="tel"
              value={values.phone}
              onChange={(e) => onChange({ phone: e.currentTarget.value }, 'phone')}
              error={error('phone')}
            />
          </SimpleGrid>
          <TextInput
            label={t('business.address')}
            value={values.address}
            onChange={(e) => onChange({ address: e.currentTarget.value }, 'address')}
            error={error('address')}
          />
          <Textarea
            label={t('business.signature')}
            description={t('business.signatureHint')}
            autosize
            minRows={2}
            value={values.signature}
            onChange={(e) => onChange({ signature: e.currentTarget.value }, 'signature')}
            error={error('signature')}
          />
        </>
      )}

      {withDigest && (
        <Group gap="md" align="flex-end" wrap="wrap">
          <Switch
            label={t('business.digest')}
            description={t('business.digestHint')}
            checked={values.digestTime !== null}
            onChange={(e) =>
              onChange({ digestTime: e.currentTarget.checked ? DEFAULT_DIGEST_TIME : null }, 'digestTime')
            }
          />
          {values.digestTime !== null && (
            <div style={{ inlineSize: 140 }}>
              <TimeSelect
                label={t('business.digestTime')}
                value={values.digestTime}
                onChange={(digestTime) => onChange({ digestTime }, 'digestTime')}
                error={error('digestTime')}
                visibleLabel
              />
            </div>
          )}
        </Group>
      )}
    </Stack>
  );
}
