import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Ltr } from '../../../components/ui/bidi';
import { useDialogFlow } from '../../../components/ui/dialog-flow';
import { HandshakeIcon, UsersIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import type { Composer } from '../../../lib/composer-slot';
import { formatAmount } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { composeReferralThanks } from '../api/care-api';
import { useAmbassador } from '../api/care-queries';

type Props = {
  client: { id: string; name: string };
  composer: Composer;
  /** A referred client to thank for right away (from the notification), once. */
  thankFor?: string | null;
  onThankOpened?: () => void;
};

/**
 * Seeds 000 and 004: the client is the best ambassador. What the clients they referred brought
 * (accepted quotes, received), and a thank-you to them for each; nothing shows when they referred no one.
 */
export function AmbassadorCard({ client, composer, thankFor = null, onThankOpened }: Props) {
  const { t } = useTranslation();
  const MessageComposer = composer;
  const ambassador = useAmbassador(client.id);
  const { open, attempt, show, close, render } = useDialogFlow<{ referredId: string }>();
  const referred = ambassador.data?.referredClients ?? [];

  useEffect(() => {
    if (!thankFor || !ambassador.data) return;
    show({ referredId: thankFor });
    onThankOpened?.();
  }, [thankFor, ambassador.data, show, onThankOpened]);

  const dialog = render(
    t('care.ambassador.thankTitle'),
    open && (
      <MessageComposer
        request={{ kind: 'referral_thanks', clientId: client.id }}
        source={{
          key: ['referral-thanks', open.referredId, attempt],
          load: () => composeReferralThanks(open.referredId),
        }}
        clientName={client.name}
        onDone={() => {
          close();
          notifySuccess(t('care.ambassador.thanked'));
        }}
        onCancel={close}
      />
    ),
  );
  if (!ambassador.data || referred.length === 0) return dialog;
  const { currency } = ambassador.data;
  return (
    <SectionCard
      id="client-ambassador"
      title={t('care.ambassador.title')}
      icon={<HandshakeIcon size={20} />}
      headingLevel={2}
    >
      <Stack gap="sm">
        <Group gap="lg" wrap="wrap">
          <div>
            <Text size="xs" c="dimmed">
              {t('care.ambassador.received')}
            </Text>
            <Text fw={700} size="lg">
              <Ltr>{formatAmount(ambassador.data.received, currency)}</Ltr>
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('care.ambassador.revenue')}
            </Text>
            <Text fw={700} size="lg">
              <Ltr>{formatAmount(ambassador.data.revenue, currency)}</Ltr>
            </Text>
          </div>
        </Group>
        <Text size="sm" c="dimmed">
          {t('care.ambassador.referred', { count: referred.length })}
        </Text>
        <Stack
          gap="xs"
          component="ul"
          aria-label={t('care.ambassador.listLabel')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {referred.map((r) => (
            <li key={r.clientId}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={0} style={{ minInlineSize: 0 }}>
                  <Anchor
                    size="sm"
                    fw={500}
                    renderRoot={(props) => (
                      <Link to="/clients/$clientId" params={{ clientId: r.clientId }} {...props} />
                    )}
                  >
                    <bdi>{r.name}</bdi>
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t('care.ambassador.received')}
                    {t('common.labelSeparator')}
                    <Ltr>{formatAmount(r.received, currency)}</Ltr>
                    {' · '}
                    {t('care.ambassador.revenue')}
                    {t('common.labelSeparator')}
                    <Ltr>{formatAmount(r.accepted, currency)}</Ltr>
                  </Text>
                </Stack>
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<UsersIcon size={14} />}
                  aria-label={t('care.ambassador.thankFor', { name: r.name })}
                  onClick={() => show({ referredId: r.clientId })}
                  style={{ flexShrink: 0 }}
                >
                  {t('care.ambassador.thank')}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
      </Stack>
      {dialog}
    </SectionCard>
  );
}
