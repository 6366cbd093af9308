import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { Dialog } from '../../components/ui/dialog';
import { useInterval } from '@mantine/hooks';
import { type ReactNode, createContext, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZStartTimer } from '../../../shared/schemas/payments';
import { isolate } from '../../../shared/text';
import { ClockIcon } from '../../components/ui/icons';
import { ClientPicker } from '../../features/clients/components/client-picker';
import { useProjects } from '../../features/projects/api/project-queries';
import { useStartTimer, useStopTimer, useTimer } from '../../features/time/api/time-queries';
import { formatElapsed } from '../../features/time/components/duration';
import { notifyError } from '../../lib/notify';
import { useSchemaForm } from '../../lib/use-schema-form';

/** The header's timer: start for a client (and project) with a note; the running time shows; stop. Read from the server, so it survives a reload. */
export function TimerControl() {
  const { t } = useTranslation();
  const timer = useTimer();
  const stop = useStopTimer();
  const [now, setNow] = useState(() => Date.now());
  const interval = useInterval(() => setNow(Date.now()), 1000);
  const running = timer.data ?? null;
  useEffect(() => {
    if (running) interval.start();
    else interval.stop();
    return interval.stop;
  }, [running, interval]);

  if (running) {
    const elapsed = formatElapsed(running.startedAt, now);
    return (
      <Button
        variant="light"
        color="red"
        c="red.9"
        size="sm"
        px="xs"
        leftSection={<ClockIcon size={16} />}
        loading={stop.isPending}
        aria-label={t('time.stopFor', { time: elapsed, name: isolate(running.clientName) })}
        onClick={() => stop.mutate(undefined, { onError: notifyError })}
      >
        <Text span size="sm" fw={600} dir="ltr" role="timer" visibleFrom="sm">
          {elapsed}
        </Text>
      </Button>
    );
  }
  return <StartTimerButton />;
}

/** Opens the "start the timer" dialog: the header's button and the quick-add menu share one. */
const StartTimerContext = createContext<() => void>(() => {});

export function useOpenStartTimer(): () => void {
  return useContext(StartTimerContext);
}

export function StartTimerProvider({ children }: { children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <StartTimerContext.Provider value={() => setOpened(true)}>
      {children}
      <StartTimerDialog opened={opened} onClose={() => setOpened(false)} />
    </StartTimerContext.Provider>
  );
}

function StartTimerButton() {
  const { t } = useTranslation();
  const open = useOpenStartTimer();
  return (
    <Button
      variant="default"
      size="sm"
      px="xs"
      leftSection={<ClockIcon size={16} />}
      aria-label={t('time.start')}
      onClick={open}
    >
      <Text span size="sm" visibleFrom="sm">
        {t('time.startShort')}
      </Text>
    </Button>
  );
}

type StartValues = { clientId: string | null; clientName: string | null; projectId: string | null; note: string };

function StartTimerDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const start = useStartTimer();
  const form = useSchemaForm({
    schema: ZStartTimer,
    initialValues: { clientId: null, clientName: null, projectId: null, note: '' } as StartValues,
    toInput: (v: StartValues) => ({ clientId: v.clientId, projectId: v.projectId ?? undefined, note: v.note }),
  });
  const { clientId, clientName, projectId, note } = form.values;
  const projects = useProjects(clientId);
  const projectOptions = clientId
    ? (projects.data ?? []).filter((p) => p.status !== 'closed').map((p) => ({ value: p.id, label: p.title }))
    : [];
  return (
    <>
      <Dialog opened={opened} onClose={onClose} title={t('time.start')} closeLabel={t('actions.close')}>
        <form
          noValidate
          onSubmit={form.submit(async (input) => {
            await start.mutateAsync(input);
            onClose();
            form.reset({ ...form.values, note: '' });
          })}
        >
          <Stack gap="sm">
            <ClientPicker
              label={t('time.client')}
              value={clientId}
              valueLabel={clientName}
              required
              error={form.error('clientId') && t('time.clientRequired')}
              onChange={(id, name) =>
                form.update('clientId', (v) => ({ ...v, clientId: id, clientName: name, projectId: null }))
              }
            />
            {projectOptions.length > 0 && (
              <Select
                label={t('time.project')}
                data={projectOptions}
                value={projectId}
                onChange={(id) => form.set('projectId', id)}
                clearable
              />
            )}
            <TextInput
              label={t('time.note')}
              value={note}
              onChange={(e) => form.set('note', e.currentTarget.value)}
              error={form.error('note')}
              dir="auto"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="subtle" color="gray" onClick={onClose}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting} leftSection={<ClockIcon size={16} />}>
                {t('time.start')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}
