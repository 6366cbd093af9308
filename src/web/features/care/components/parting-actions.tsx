import { Alert, Button, Group, Text } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientStatus } from '../../../../shared/schemas/clients';
import type { EndEngagementInput, EngagementEnded } from '../../../../shared/schemas/care';
import { useDialogFlow } from '../../../components/ui/dialog-flow';
import { HandshakeIcon, RestoreIcon } from '../../../components/ui/icons';
import { Loading } from '../../../components/ui/loading';
import type { Composer } from '../../../lib/composer-slot';
import { formatLongDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { localDayOf } from '../../../lib/zoned-dates';
import { composeFarewell } from '../api/care-api';
import { useBringBack, useColleagueChoices, useEndEngagement, useOffboarding } from '../api/care-queries';
import { type PartingDraft, PartingForm, initialPartingDraft } from './parting-form';

type Client = { id: string; name: string; status: ClientStatus };
type Open = { kind: 'form'; draft: PartingDraft | null } | { kind: 'farewell'; draft: PartingDraft };

const isEnded = (status: ClientStatus) => status === 'ended' || status === 'let_go';

function toInput(draft: PartingDraft): EndEngagementInput {
  return {
    outcome: draft.outcome,
    reason: draft.reason.trim() || null,
    materialsReturned: draft.ticked.includes('return_materials'),
    decisions: Object.entries(draft.decisions).map(([itemId, d]) => ({
      itemKind: d.kind,
      itemId,
      decision: d.decision,
      reason: d.decision === 'finish' ? null : d.reason.trim() || null,
    })),
    ...(draft.colleagueId ? { referToColleagueId: draft.colleagueId } : {}),
  };
}

/** "End the engagement" on the client's header: the parting flow, then the farewell through the composer. */
export function EndEngagementAction({ client, composer }: { client: Client; composer: Composer }) {
  const { t } = useTranslation();
  const MessageComposer = composer;
  const { open, attempt, show, close, render } = useDialogFlow<Open>();
  const offboarding = useOffboarding(client.id, open !== null);
  const colleagues = useColleagueChoices(open !== null);
  const end = useEndEngagement();
  const ended = useRef<EngagementEnded | null>(null);
  const done = () => {
    close();
    notifySuccess(t('care.parting.ended'));
  };
  let body = null;
  let title = t('care.parting.title');
  if (open?.kind === 'form') {
    body = offboarding.isError ? (
      <Text c="red.9">{offboarding.error.message}</Text>
    ) : !offboarding.data || colleagues.isPending ? (
      <Loading label={t('common.loading')} />
    ) : (
      <PartingForm
        offboarding={offboarding.data}
        colleagues={colleagues.data ?? []}
        initial={open.draft ?? initialPartingDraft(offboarding.data)}
        busy={end.isPending}
        onCancel={close}
        onEndWithout={(draft) =>
          end.mutate({ clientId: client.id, input: toInput(draft) }, { onSuccess: done, onError: notifyError })
        }
        onWriteFarewell={(draft) => show({ kind: 'farewell', draft })}
      />
    );
  } else if (open?.kind === 'farewell') {
    const { draft } = open;
    title = t('care.parting.farewellTitle');
    body = (
      <MessageComposer
        request={{ kind: 'farewell', clientId: client.id }}
        source={{
          key: ['farewell', client.id, draft.colleagueId, attempt],
          load: () => composeFarewell(client.id, draft.colleagueId ? { referToColleagueId: draft.colleagueId } : {}),
        }}
        clientName={client.name}
        send={async (farewell) => {
          ended.current = await end.mutateAsync({ clientId: client.id, input: { ...toInput(draft), farewell } });
          return ended.current.sent;
        }}
        onBack={() => show({ kind: 'form', draft })}
        onDone={done}
        onCancel={close}
      />
    );
  }
  return (
    <>
      {/* Once ended the button goes, but the farewell's "sent" panel stays until Done. */}
      {!isEnded(client.status) && (
        <Button
          variant="default"
          leftSection={<HandshakeIcon size={18} />}
          onClick={() => show({ kind: 'form', draft: null })}
        >
          {t('care.parting.end')}
        </Button>
      )}
      {render(title, body)}
    </>
  );
}

/** An ended client says so at the top of its page, with when, and can be brought back (the history stays). */
export function EndedNotice({ client, timeZone }: { client: Client; timeZone: string }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const ended = isEnded(client.status);
  const offboarding = useOffboarding(client.id, ended);
  const bringBack = useBringBack();
  if (!ended) return null;
  const last = offboarding.data?.endings.find((e) => e.broughtBackAt === null) ?? null;
  const day = last ? formatLongDay(localDayOf(last.endedAt, timeZone), intl) : null;
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<HandshakeIcon size={20} />}
      title={
        day
          ? t(client.status === 'let_go' ? 'care.parting.letGoState' : 'care.parting.endedState', { day })
          : t(`statuses.${client.status}`)
      }
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">{t('care.parting.stateHint')}</Text>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<RestoreIcon size={16} />}
          loading={bringBack.isPending}
          onClick={() =>
            bringBack.mutate(client.id, {
              onSuccess: () => notifySuccess(t('care.parting.broughtBack')),
              onError: notifyError,
            })
          }
        >
          {t('care.parting.bringBack')}
        </Button>
      </Group>
    </Alert>
  );
}
