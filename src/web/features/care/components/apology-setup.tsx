import { Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared/schemas/care';
import { DuePicker } from '../../../components/ui/due-picker';
import { UserText } from '../../../components/ui/bidi';
import { MessageIcon } from '../../../components/ui/icons';
import { ApologyChecklist } from './apology-checklist';

export type FixBy = { dueDate: string; dueTime: string | null };

type Props = {
  incident: Incident;
  today: string;
  /** What was chosen before going on to the message (Back from the composer). */
  initial: FixBy | null;
  onBack: () => void;
  onNext: (fixBy: FixBy | null) => void;
};

/**
 * Seed 003 before the apology leaves: the checklist for the call, and an optional "fixed by"
 * moment that becomes my promise (once: a mistake with a fix promise already keeps that one).
 */
export function ApologySetup({ incident, today, initial, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const promised = incident.fixCommitmentId !== null;
  const [withFix, setWithFix] = useState(!promised && (initial !== null || incident.fixBy !== null));
  const [day, setDay] = useState(
    initial?.dueDate ?? (incident.fixBy && incident.fixBy >= today ? incident.fixBy : today),
  );
  const [time, setTime] = useState<string | null>(initial?.dueTime ?? '17:00');
  const dayError = withFix && !/^\d{4}-\d{2}-\d{2}$/.test(day) ? t('care.apology.dayRequired') : undefined;
  return (
    <Stack gap="md">
      <Text size="sm" fw={600} dir="auto">
        <UserText>{incident.title}</UserText>
      </Text>
      <ApologyChecklist />
      <Paper withBorder radius="sm" p="sm">
        {promised ? (
          <Text size="sm">{t('care.apology.alreadyPromised')}</Text>
        ) : (
          <Stack gap="sm">
            <Switch
              checked={withFix}
              onChange={(e) => setWithFix(e.currentTarget.checked)}
              label={t('care.apology.promiseFix')}
              description={t('care.apology.promiseFixHint')}
            />
            {withFix && (
              <DuePicker
                day={day}
                time={time}
                onDayChange={setDay}
                onTimeChange={setTime}
                today={today}
                minDay={today}
                dayError={dayError}
                labelSuffix={t('care.apology.fixSuffix')}
              />
            )}
          </Stack>
        )}
      </Paper>
      <Group justify="space-between" gap="sm">
        <Button variant="default" onClick={onBack}>
          {t('actions.back')}
        </Button>
        <Button
          leftSection={<MessageIcon size={18} />}
          onClick={() => {
            if (dayError) return;
            onNext(withFix && !promised ? { dueDate: day, dueTime: time } : null);
          }}
        >
          {t('care.apology.write')}
        </Button>
      </Group>
    </Stack>
  );
}
