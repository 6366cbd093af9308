import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { Dialog } from '../../components/ui/dialog';
import { useInterval } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../shared/text';
import { ClockIcon } from '../../components/ui/icons';
import { ClientPicker } from '../../features/clients/components/client-picker';
import { useProjects } from '../../features/projects/api/project-queries';
import { useStartTimer, useStopTimer, useTimer } from '../../features/time/api/time-queries';
import { formatElapsed } from '../../features/time/components/duration';
import { notifyError } from '../../lib/notify';

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
  return <StartTimer />;
}

function StartTimer() {
  const { t } = useTranslation();
  const start = useStartTimer();
  const [opened, setOpened] = useState(false);
  const [client, setClient] = useState<{ id: string; name: string } | null>(null);
  const [projectId, setProjectId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const projects = useProjects(client?.id ?? null);
  const projectOptions = client
    ? (projects.data ?? []).filter((p) => p.status !== 'closed').map((p) => ({ value: p.id, label: p.title }))
    : [];
  return (
    <>
      <Button
        variant="default"
        size="sm"
        px="xs"
        leftSection={<ClockIcon size={16} />}
        aria-label={t('time.start')}
        onClick={() => setOpened(true)}
      >
        <Text span size="sm" visibleFrom="sm">
          {t('time.startShort')}
        </Text>
      </Button>
      <Dialog opened={opened} onClose={() => setOpened(false)} title={t('time.start')} closeLabel={t('actions.close')}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (!client) return;
            start.mutate(
              {
                clientId: client.id,
                ...(projectId ? { projectId } : {}),
                ...(note.trim() ? { note: note.trim() } : {}),
              },
              {
                onSuccess: () => {
                  setOpened(false);
                  setNote('');
                  setTried(false);
                },
                onError: notifyError,
              },
            );
          }}
        >
          <Stack gap="sm">
            <ClientPicker
              label={t('time.client')}
              value={client?.id ?? null}
              valueLabel={client?.name ?? null}
              required
              error={tried && !client ? t('time.clientRequired') : undefined}
              onChange={(id, name) => {
                setClient(id && name ? { id, name } : null);
                setProjectId(null);
              }}
            />
            {projectOptions.length > 0 && (
              <Select
                label={t('time.project')}
                data={projectOptions}
                value={projectId}
                onChange={setProjectId}
                clearable
              />
            )}
            <TextInput
              label={t('time.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              dir="auto"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="subtle" color="gray" onClick={() => setOpened(false)}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={start.isPending} leftSection={<ClockIcon size={16} />}>
                {t('time.start')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}
