import { Button, Grid, Group, Paper, Progress, Stack, Stepper, Text, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Conflict, ZCreateConflict } from '../../../../shared/schemas/care';
import { useIsPhone } from '../../../components/ui/dialog-flow';
import { LightbulbIcon, PromiseIcon } from '../../../components/ui/icons';
import type { Composer } from '../../../lib/composer-slot';
import { formatNumber } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { useSchemaForm } from '../../../lib/use-schema-form';
import { useSaveConflict } from '../api/care-queries';
import { useConflictResolution } from './conflict-dialogs';
import { type WorksheetContact, ConflictStepFields } from './conflict-steps';
import { conflictSteps, conflictToInput, conflictValues, stepFields } from './conflict-values';

type Props = {
  clientId: string;
  conflict: Conflict | null;
  contacts: WorksheetContact[];
  today: string;
  contactsLink?: ReactNode;
  /** The message composer (features/messages) for the follow-up, from the page. */
  composer: Composer;
  onFinished: (conflict: Conflict) => void;
  /** The chosen option became promises (and perhaps a message): the case is resolved. */
  onResolved: (conflict: Conflict) => void;
  onCancel: () => void;
};

/** The article's principle for a step, in Mila's words: beside the step on a desktop, above it on a phone. */
function Principle({ step }: { step: (typeof conflictSteps)[number] }) {
  const { t } = useTranslation();
  return (
    <Paper
      radius="sm"
      p="sm"
      bg="var(--mantine-color-yellow-light)"
      component="aside"
      aria-label={t('care.conflicts.principle')}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <LightbulbIcon size={18} style={{ flexShrink: 0, marginBlockStart: 2 }} />
        <div>
          <Text size="xs" fw={600} c="dark.7">
            {t('care.conflicts.principle')}
          </Text>
          <Text size="sm" c="dark.7">
            {t(`care.conflicts.steps.${step}.principle`)}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}

/**
 * Seed 002's worksheet, positions → interests → options: one step per screen on a phone (Back /
 * Continue), a stepper beside the step on a desktop. Each step is saved as the user moves on, so
 * a call that ends half-way keeps what was written.
 */
export function ConflictWorksheet({
  clientId,
  conflict,
  contacts,
  today,
  contactsLink,
  composer,
  onFinished,
  onResolved,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const isPhone = useIsPhone();
  const save = useSaveConflict();
  const resolution = useConflictResolution({ composer, today, onResolved: (r) => onResolved(r.conflict) });
  const [conflictId, setConflictId] = useState<string | null>(conflict?.id ?? null);
  const [step, setStep] = useState(0);
  const [reached, setReached] = useState(conflict ? conflictSteps.length - 1 : 0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const form = useSchemaForm({
    schema: ZCreateConflict,
    initialValues: conflictValues(conflict, today),
    toInput: conflictToInput(clientId),
  });
  const current = conflictSteps[step] ?? 'topic';
  const last = step === conflictSteps.length - 1;

  // A new step is a new screen: start reading at its heading (keyboard and screen readers too).
  useEffect(() => {
    if (!moved.current) return;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);

  const show = (target: number) => {
    moved.current = true;
    setStep(target);
    setReached((r) => Math.max(r, target));
  };

  const stepValid = () => stepFields[current].map((path) => form.check(path)).every(Boolean);

  /** Forward (or finish) checks this step and saves the whole case; back just goes back. */
  const go = (target: number | 'finish' | 'promises') => {
    if (typeof target === 'number' && target < step) return show(target);
    if (!stepValid()) return;
    if (conflictId === null && current === 'topic' && target !== 'promises')
      return show(target === 'finish' ? step : target);
    form.submit(async ({ clientId: _clientId, ...fields }) => {
      const saved = await save.mutateAsync({ id: conflictId, create: { clientId, ...fields }, update: fields });
      setConflictId(saved.id);
      if (target === 'finish') onFinished(saved);
      else if (target === 'promises') resolution.start(saved);
      else show(target);
    })();
  };
  // The chosen option can become promises once it is chosen, until the case is resolved that way.
  const canResolve =
    (current === 'choice' || current === 'outcome') && form.values.chosenOption !== null && !conflict?.resolvedAt;

  const heading = (
    <Title order={2} size="h4" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
      {t(`care.conflicts.steps.${current}.title`)}
    </Title>
  );
  const counter = t('care.conflicts.stepOf', {
    step: formatNumber(step + 1, intl),
    total: formatNumber(conflictSteps.length, intl),
  });
  const fields = (
    <ConflictStepFields
      key={current}
      step={current}
      form={form}
      contacts={contacts}
      {...(contactsLink ? { contactsLink } : {})}
    />
  );
  const buttons = (
    <Group justify="space-between" gap="sm" mt="md">
      {step === 0 ? (
        <Button variant="subtle" color="gray" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
      ) : (
        <Button variant="default" onClick={() => go(step - 1)}>
          {t('actions.back')}
        </Button>
      )}
      <Group gap="sm" justify="flex-end">
        {canResolve && (
          <Button variant="light" leftSection={<PromiseIcon size={18} />} onClick={() => go('promises')}>
            {t('care.resolve.turnIntoPromises')}
          </Button>
        )}
        <Button type="submit" loading={form.submitting}>
          {last ? t('care.conflicts.finish') : t('actions.next')}
        </Button>
      </Group>
    </Group>
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go(last ? 'finish' : step + 1);
  };

  if (isPhone)
    return (
      <>
        {resolution.dialog}
        <form noValidate onSubmit={onSubmit} aria-label={t('care.conflicts.worksheet')}>
          <Stack gap="sm">
            <div>
              <Text size="sm" c="dimmed">
                {counter}
              </Text>
              {/* The counter above says it in words; the bar only shows it. */}
              <Progress value={((step + 1) / conflictSteps.length) * 100} size="sm" mt={4} aria-hidden />
            </div>
            {heading}
            <Principle step={current} />
            {fields}
            {buttons}
          </Stack>
        </form>
      </>
    );

  return (
    <>
      {resolution.dialog}
      <Grid gap="lg">
        <Grid.Col span={3}>
          <nav aria-label={t('care.conflicts.stepsLabel')}>
            <Stepper active={step} onStepClick={(target) => go(target)} orientation="vertical" size="sm">
              {conflictSteps.map((id, index) => (
                <Stepper.Step
                  key={id}
                  label={t(`care.conflicts.steps.${id}.short`)}
                  allowStepSelect={index <= reached}
                />
              ))}
            </Stepper>
          </nav>
        </Grid.Col>
        <Grid.Col span={5}>
          <form noValidate onSubmit={onSubmit} aria-label={t('care.conflicts.worksheet')}>
            <Paper withBorder radius="md" p="md">
              <Text size="sm" c="dimmed">
                {counter}
              </Text>
              {heading}
              <div style={{ marginBlockStart: 'var(--mantine-spacing-sm)' }}>{fields}</div>
              {buttons}
            </Paper>
          </form>
        </Grid.Col>
        <Grid.Col span={4}>
          <Principle step={current} />
        </Grid.Col>
      </Grid>
    </>
  );
}
