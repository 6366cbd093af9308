import type { ReactNode } from 'react';
import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/schemas/clients';
import { Ltr } from '../../../components/ui/bidi';
import { formatDateTime } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

export function ClientDetailsList({ client, timeZone }: { client: Client; timeZone: string }) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} component="dl" m={0} spacing="sm">
      <Item label={t('clients.fields.language')}>{t(`languages.${client.language}`)}</Item>
      {client.businessNumber && (
        <Item label={t('clients.fields.businessNumber')}>
          <Ltr>{client.businessNumber}</Ltr>
        </Item>
      )}
      {client.address && (
        <Item label={t('clients.fields.address')}>
          <bdi>{client.address}</bdi>
        </Item>
      )}
      <Item label={t('clients.page.createdAt')}>{formatDateTime(client.createdAt, intlLocale, timeZone)}</Item>
      <Item label={t('clients.page.updatedAt')}>{formatDateTime(client.updatedAt, intlLocale, timeZone)}</Item>
    </SimpleGrid>
  );
}
