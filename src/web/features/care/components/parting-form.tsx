import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EndOutcome, Offboarding, OffboardingItemKind } from '../../../../shared/schemas/care';
import type { Colleague } from '../../../../shared/schemas/projects';
import { Ltr } from '../../../components/ui/bidi';
import { MessageIcon } from '../../../components/ui/icons';
import { LabelledSegments } from '../../../components/ui/labelled-segments';
import { formatAmount, formatLongDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';

type Decision = 'finish' | 'hand_over' | 'cancel';
export type PartingDraft = {
  outcome: EndOutcome;
  reason: string;
  ticked: string[];
  decisions: Record<string, { kind: OffboardingItemKind; decision: Decision; reason: string }>;
  colleagueId: string | null;
};

type Item = { kind: OffboardingItemKind; id: string; name: string; label: string; detail: string | null };

/** Every open item of the client, one list: promises each way, projects, unpaid items, open quotes. */
function openItems(offboarding: Offboarding, t: TFunction): Item[] {
  const intl = currentIntlLocale();
  return [
    ...offboarding.commitments.map((c) => ({
      kind: 'commitment' as const,
      id: c.id,
      name: c.title,
      label: t(`care.parting.kind.${c.direction}`),
      detail: t('care.parting.due', { day: formatLongDay(c.dueDate, intl, false) }),
    })),
    ...offboarding.projects.map((p) => ({
      kind: 'project' as const,
      id: p.id,
      name: p.title,
      label: t('care.parting.kind.project'),
      detail: p.targetDate ? t('care.parting.due', { day: formatLongDay(p.targetDate, intl, false) }) : null,
    })),
    ...offboarding.paymentItems.map((p) => ({
      kind: 'payment_item' as const,
      id: p.id,
      name: p.label,
      label: t('care.parting.kind.payment_item'),
      detail: t('care.parting.amount', { amount: formatAmount(p.outstanding, p.currency) }),
    })),
    ...offboarding.quotes.map((q) => ({
      kind: 'quote' as const,
      id: q.id,
      name: `${q.number} ${q.title}`,
      label: t('care.parting.kind.quote'),
      detail: null,
    })),
  ];
}

export function initialPartingDraft(offboarding: Offboarding): PartingDraft {
  return {
    outcome: 'ended',
    reason: '',
    ticked: offboarding.checklist.filter((s) => s.done).map((s) => s.step),
    decisions: {},
    colleagueId: null,
  };
}

type Props = {
  offboarding: Offboarding;
  colleagues: Colleague[];
  initial: PartingDraft;
  busy: boolean;
  onCancel: () => void;
  onEndWithout: (draft: PartingDraft) => void;
  onWriteFarewell: (draft: PartingDraft) => void;
};

/**
 * Parting well (seeds 000, 004), phone-first: the checklist, a decision for each open item, how
 * it ends, an optional colleague to refer to; then the farewell that leaves the door open.
 */
export function PartingForm({
  offboarding,
  colleagues,
  initial,
  busy,
  onCancel,
  onEndWithout,
  onWriteFarewell,
}: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const checklistId = useId();
  const itemsId = useId();
  const items = openItems(offboarding, t);
  const decisionOf = (item: Item) => draft.decisions[item.id] ?? { kind: item.kind, decision: 'finish', reason: '' };
  const setDecision = (item: Item, patch: Partial<{ decision: Decision; reason: string }>) =>
    setDraft((d) => ({ ...d, decisions: { ...d.decisions, [item.id]: { ...decisionOf(item), ...patch } } }));
  // Every item gets its decision, "finish" unless changed: an item left out would be closed by the server.
  const complete = (): PartingDraft => ({
    ...draft,
    decisions: Object.fromEntries(items.map((item) => [item.id, decisionOf(item)])),
  });
  const toggle = (step: string, on: boolean) =>
    setDraft((d) => ({ ...d, ticked: on ? [...d.ticked, step] : d.ticked.filter((s) => s !== step) }));

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('care.parting.intro')}
      </Text>
      <Paper withBorder radius="sm" p="sm" component="section" aria-labelledby={checklistId}>
        <Title order={3} size="h6" id={checklistId} mb="xs">
          {t('care.parting.checklistTitle')}
        </Title>
        <Stack gap={8}>
          {offboarding.checklist.map((step) => (
            <Group key={step.step} gap="xs" wrap="nowrap" justify="space-between">
              <Checkbox
                label={
                  step.step === 'return_materials'
                    ? t('care.parting.materialsReturned')
                    : t(`care.parting.steps.${step.step}`)
                }
                checked={draft.ticked.includes(step.step)}
                onChange={(e) => toggle(step.step, e.currentTarget.checked)}
              />
              {step.open > 0 && (
                <Badge variant="light" color="orange" c="dark.7" radius="sm" style={{ flexShrink: 0 }}>
                  {t('care.parting.openLeft', { count: step.open })}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      </Paper>
      <section aria-labelledby={itemsId}>
        <Title order={3} size="h6" id={itemsId}>
          {t('care.parting.openItems')}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {items.length ? t('care.parting.openItemsHint') : t('care.parting.noOpenItems')}
        </Text>
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((item) => {
            const current = decisionOf(item);
            return (
              <Paper component="li" key={item.id} withBorder radius="sm" p="xs">
                <Stack gap={6}>
                  <div>
                    <Text size="xs" c="dimmed">
                      {item.label}
                      {item.detail && <> · {item.kind === 'payment_item' ? <Ltr>{item.detail}</Ltr> : item.detail}</>}
                    </Text>
                    <Text size="sm" fw={500} dir="auto" style={{ overflowWrap: 'anywhere' }}>
                      {item.name}
                    </Text>
                  </div>
                  <LabelledSegments
                    label={t('care.parting.decisionFor', { name: item.name })}
                    hideLabel
                    size="xs"
                    fullWidth
                    value={current.decision}
                    options={(['finish', 'hand_over', 'cancel'] as const).map((value) => ({
                      value,
                      label: t(`care.parting.decision.${value}`),
                    }))}
                    onChange={(decision) => setDecision(item, { decision })}
                  />
                  {current.decision !== 'finish' && (
                    <TextInput
                      size="sm"
                      label={t('care.parting.reasonFor', { name: item.name })}
                      value={current.reason}
                      dir="auto"
                      maxLength={500}
                      onChange={(e) => setDecision(item, { reason: e.currentTarget.value })}
                    />
                  )}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      </section>
      <LabelledSegments
        label={t('care.parting.outcomeLabel')}
        fullWidth
        value={draft.outcome}
        options={(['ended', 'let_go'] as const).map((value) => ({ value, label: t(`care.parting.outcome.${value}`) }))}
        onChange={(outcome) => setDraft((d) => ({ ...d, outcome }))}
      />
      <Textarea
        label={t('care.parting.why')}
        autosize
        minRows={2}
        dir="auto"
        maxLength={500}
        value={draft.reason}
        onChange={(e) => setDraft((d) => ({ ...d, reason: e.currentTarget.value }))}
      />
      {colleagues.length > 0 && (
        <Select
          label={t('care.parting.colleague')}
          placeholder={t('care.parting.colleagueNone')}
          clearable
          data={colleagues.map((c) => ({ value: c.id, label: c.does ? `${c.name} · ${c.does}` : c.name }))}
          value={draft.colleagueId}
          onChange={(colleagueId) => setDraft((d) => ({ ...d, colleagueId }))}
        />
      )}
      <Group justify="space-between" gap="sm">
        <Button variant="subtle" color="gray" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
        <Group gap="sm">
          <Button variant="default" loading={busy} onClick={() => onEndWithout(complete())}>
            {t('care.parting.endWithout')}
          </Button>
          <Button leftSection={<MessageIcon size={18} />} onClick={() => onWriteFarewell(complete())}>
            {t('care.parting.writeFarewell')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
