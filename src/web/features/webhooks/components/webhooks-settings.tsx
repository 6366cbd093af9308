import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ZCreateWebhookEndpoint,
  webhookEvents,
  type WebhookEndpoint,
  type WebhookEvent,
} from '../../../../shared/schemas/webhooks';
import { SendIcon, TrashIcon } from '../../../components/ui/icons';
import { Loading } from '../../../components/ui/loading';
import { ShownOnceSecret } from '../../../components/ui/shown-once-secret';
import { formatDateTime } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSchemaForm } from '../../../lib/use-schema-form';
import {
  useCreateWebhookEndpoint,
  useDeleteWebhookEndpoint,
  useTestWebhookEndpoint,
  useUpdateWebhookEndpoint,
  useWebhookDeliveries,
  useWebhookEndpoints,
} from '../api/webhooks-api';

/** Outgoing webhooks: endpoints, the secret shown once, a test ping and each endpoint's delivery log. */
export function WebhooksSettings({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const endpoints = useWebhookEndpoints();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <Text size="sm">{t('webhooks.intro')}</Text>
      {secret && (
        <ShownOnceSecret
          value={secret}
          label={t('webhooks.secret')}
          warning={t('webhooks.secretShownOnce')}
          copyLabel={t('webhooks.copy')}
          copiedLabel={t('webhooks.copied')}
        />
      )}
      <AddEndpoint onCreated={setSecret} />
      {endpoints.isPending ? (
        <Loading label={t('common.loading')} />
      ) : endpoints.isError ? (
        <Text c="var(--mantine-color-error)">{endpoints.error.message}</Text>
      ) : endpoints.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('webhooks.none')}
        </Text>
      ) : (
        endpoints.data.map((endpoint) => <EndpointCard key={endpoint.id} endpoint={endpoint} timeZone={timeZone} />)
      )}
    </Stack>
  );
}

function EventChoices({
  value,
  onChange,
  error,
}: {
  value: WebhookEvent[];
  onChange: (events: WebhookEvent[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t('webhooks.events')}
      value={value}
      onChange={(next) => onChange(webhookEvents.filter((e) => next.includes(e)))}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
        {webhookEvents.map((event) => (
          <Checkbox key={event} value={event} label={t(`webhooks.event.${eventKey(event)}`)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

function AddEndpoint({ onCreated }: { onCreated: (secret: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateWebhookEndpoint();
  const form = useSchemaForm({
    schema: ZCreateWebhookEndpoint,
    initialValues: { url: '', events: [...webhookEvents] as WebhookEvent[], active: true },
  });
  return (
    <Paper withBorder p="md" radius="md">
      <form
        noValidate
        onSubmit={form.submit(async (input) => {
          const created = await create.mutateAsync(input);
          onCreated(created.secret);
          form.reset({ url: '', events: [...webhookEvents], active: true });
          notifySuccess(t('webhooks.added'));
        })}
      >
        <Stack gap="sm">
          <TextInput
            label={t('webhooks.url')}
            description={t('webhooks.urlHint')}
            placeholder={t('webhooks.urlPlaceholder')}
            dir="ltr"
            value={form.values.url}
            onChange={(e) => {
              const url = e.currentTarget.value;
              form.update('url', (v) => ({ ...v, url }));
            }}
            onBlur={() => form.touch('url')}
            error={form.error('url')}
          />
          <EventChoices
            value={form.values.events}
            onChange={(events) => form.update('events', (v) => ({ ...v, events }))}
            error={form.error('events')}
          />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('webhooks.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function EndpointCard({ endpoint, timeZone }: { endpoint: WebhookEndpoint; timeZone: string }) {
  const { t } = useTranslation();
  const update = useUpdateWebhookEndpoint(endpoint.id);
  const remove = useDeleteWebhookEndpoint(endpoint.id);
  const test = useTestWebhookEndpoint(endpoint.id);
  const [confirming, setConfirming] = useState(false);
  const [tested, setTested] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <Paper withBorder p="md" radius="md" data-testid="webhook-endpoint">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700} dir="ltr" style={{ overflowWrap: 'anywhere' }}>
            <bdi>{endpoint.url}</bdi>
          </Text>
          <Switch
            label={t('webhooks.active')}
            checked={endpoint.active}
            onChange={(e) => update.mutate({ active: e.currentTarget.checked }, { onError: notifyError })}
          />
        </Group>
        <EventChoices
          value={endpoint.events}
          onChange={(events) => {
            if (events.length) update.mutate({ events }, { onError: notifyError });
          }}
        />
        <Group gap="xs" wrap="wrap">
          <Button
            variant="light"
            leftSection={<SendIcon size={16} />}
            loading={test.isPending}
            onClick={() =>
              test.mutate(undefined, {
                onSuccess: (result) =>
                  setTested(
                    result.delivery.status === 'delivered'
                      ? { ok: true, text: t('webhooks.testOk', { code: result.statusCode ?? '' }) }
                      : { ok: false, text: t('webhooks.testFailed', { code: result.statusCode ?? '—' }) },
                  ),
                onError: notifyError,
              })
            }
          >
            {t('webhooks.sendTest')}
          </Button>
          {confirming ? (
            <Button
              color="red"
              leftSection={<TrashIcon size={16} />}
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined, { onError: notifyError })}
            >
              {t('webhooks.confirmDelete')}
            </Button>
          ) : (
            <Button
              variant="subtle"
              color="red"
              leftSection={<TrashIcon size={16} />}
              onClick={() => setConfirming(true)}
            >
              {t('webhooks.delete')}
            </Button>
          )}
        </Group>
        <Text size="sm" role="status" c={tested?.ok === false ? 'var(--mantine-color-error)' : undefined}>
          {tested?.text}
        </Text>
        <DeliveryLog endpointId={endpoint.id} timeZone={timeZone} />
      </Stack>
    </Paper>
  );
}

/** i18next reads dots as nesting: `quote.sent` is `quote_sent` in the catalogs. */
const eventKey = <E extends WebhookEvent>(event: E) =>
  event.replace('.', '_') as E extends `${infer A}.${infer B}` ? `${A}_${B}` : never;

const statusColor = { pending: 'yellow', delivered: 'green', failed: 'red' } as const;

function DeliveryLog({ endpointId, timeZone }: { endpointId: string; timeZone: string }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const log = useWebhookDeliveries(endpointId);
  if (log.isPending) return <Loading label={t('common.loading')} />;
  if (log.isError) return <Text c="var(--mantine-color-error)">{log.error.message}</Text>;
  if (!log.data.items.length)
    return (
      <Text size="sm" c="dimmed">
        {t('webhooks.noDeliveries')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped verticalSpacing={4} fz="sm">
        <Table.Caption>{t('webhooks.log')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('webhooks.when')}</Table.Th>
            <Table.Th>{t('webhooks.event.label')}</Table.Th>
            <Table.Th>{t('webhooks.status')}</Table.Th>
            <Table.Th>{t('webhooks.code')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log.data.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{formatDateTime(d.createdAt, intl, timeZone)}</Table.Td>
              <Table.Td dir="ltr">
                <bdi>{d.event}</bdi>
              </Table.Td>
              <Table.Td>
                <Badge color={statusColor[d.status]} variant="light" c="dark.7">
                  {t(`webhooks.deliveryStatus.${d.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <bdi dir="ltr">{d.lastStatusCode ?? '—'}</bdi>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
