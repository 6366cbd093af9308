import { Button, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { type ReactNode, Suspense, createContext, lazy, useCallback, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../shared/text';
import { ClockIcon } from '../../components/ui/icons';
import { useStopTimer, useTimer } from '../../features/time/api/time-queries';
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
  return <StartTimerButton />;
}

/** Opens the "start the timer" dialog: the header's button and the quick-add menu share one. */
const StartTimerContext = createContext<() => void>(() => {});

export function useOpenStartTimer(): () => void {
  return useContext(StartTimerContext);
}

// The form (client picker, its schema) is fetched when the dialog is first opened.
const StartTimerDialog = lazy(() => import('./start-timer-dialog').then((m) => ({ default: m.StartTimerDialog })));

export function StartTimerProvider({ children }: { children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  const [used, setUsed] = useState(false);
  const open = useCallback(() => {
    setOpened(true);
    setUsed(true);
  }, []);
  return (
    <StartTimerContext.Provider value={open}>
      {children}
      {used && (
        <Suspense fallback={null}>
          <StartTimerDialog opened={opened} onClose={() => setOpened(false)} />
        </Suspense>
      )}
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
