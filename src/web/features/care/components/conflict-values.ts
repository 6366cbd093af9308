import type { Conflict, ConflictStatus, ConflictTopic } from '../../../../shared/schemas/care';

export type ConflictValues = {
  topic: ConflictTopic | null;
  position: string;
  question: string;
  interest: string;
  stakeholderIds: string[];
  reflection: string;
  /** Option texts, smallest problem first. */
  options: string[];
  chosenOption: number | null;
  outcome: string;
  occurredOn: string;
  status: ConflictStatus;
};

export function conflictValues(conflict: Conflict | null, today: string): ConflictValues {
  return {
    topic: conflict?.topic ?? null,
    position: conflict?.position ?? '',
    question: conflict?.question ?? '',
    interest: conflict?.interest ?? '',
    stakeholderIds: conflict?.stakeholderIds ?? [],
    reflection: conflict?.reflection ?? '',
    options: conflict?.options.map((o) => o.text) ?? [''],
    chosenOption: conflict?.chosenOption ?? null,
    outcome: conflict?.outcome ?? '',
    occurredOn: conflict?.occurredOn ?? today,
    status: conflict?.status ?? 'open',
  };
}

/**
 * What the schema reads: options as objects, blank lines left out (the worksheet starts with one
 * empty line to show the example), and the chosen index counted among the options that are kept.
 */
export function conflictToInput(clientId: string) {
  return (values: ConflictValues): unknown => {
    const kept = values.options.map((text, index) => ({ text, index })).filter((o) => o.text.trim() !== '');
    const chosen = kept.findIndex((o) => o.index === values.chosenOption);
    return {
      ...values,
      clientId,
      options: kept.map(({ text }) => ({ text })),
      chosenOption: chosen === -1 ? null : chosen,
      occurredOn: values.occurredOn || null,
    };
  };
}

/** Moving or removing options keeps the chosen one chosen (by its text's new place). */
export function rechoose(values: ConflictValues, options: string[]): number | null {
  if (values.chosenOption === null) return null;
  const text = values.options[values.chosenOption];
  if (text === undefined) return null;
  const index = options.indexOf(text);
  return index === -1 ? null : index;
}

export const conflictSteps = [
  'topic',
  'position',
  'question',
  'interest',
  'stakeholders',
  'reflection',
  'options',
  'choice',
  'outcome',
] as const;
export type ConflictStep = (typeof conflictSteps)[number];

/** The form paths each step edits: checked before moving on. */
export const stepFields: Record<ConflictStep, readonly string[]> = {
  topic: ['topic'],
  position: ['position'],
  question: ['question'],
  interest: ['interest'],
  stakeholders: ['stakeholderIds'],
  reflection: ['reflection'],
  options: ['options'],
  choice: ['chosenOption'],
  outcome: ['outcome', 'occurredOn', 'status'],
};
