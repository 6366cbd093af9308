import { Checkbox, Radio, Stack, Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictStatuses, conflictTopics } from '../../../../shared/schemas/care';
import { ChoiceChips } from '../../../components/ui/choice-chips';
import { LabelledSegments } from '../../../components/ui/labelled-segments';
import type { SchemaForm } from '../../../lib/use-schema-form';
import { type ConflictStep, type ConflictValues, rechoose } from './conflict-values';
import { LinesField } from './lines-field';
import { DateField } from '../../../components/ui/date-field';

export type WorksheetContact = { id: string; name: string; role: string | null };

type Props = {
  step: ConflictStep;
  form: SchemaForm<ConflictValues, unknown>;
  contacts: WorksheetContact[];
  /** Where the client's contacts are edited (a link from the page), when there are none. */
  contactsLink?: ReactNode;
};

const MAX_OPTIONS = 10;

/** The field(s) of one worksheet step, with the seed's exhibition example as placeholders. */
export function ConflictStepFields({ step, form, contacts, contactsLink }: Props) {
  const { t } = useTranslation();
  const { values } = form;
  const area = (key: 'position' | 'question' | 'interest' | 'reflection' | 'outcome', required = false) => (
    <Textarea
      label={t(`care.conflicts.steps.${key}.label`)}
      placeholder={t(`care.conflicts.steps.${key}.placeholder`)}
      required={required}
      autosize
      minRows={3}
      dir="auto"
      data-autofocus
      value={values[key]}
      onChange={(e) => form.set(key, e.currentTarget.value)}
      error={form.error(key)}
    />
  );

  const outcome = area('outcome');
  switch (step) {
    case 'topic':
      return (
        <ChoiceChips
          label={t('care.conflicts.steps.topic.label')}
          value={values.topic}
          options={conflictTopics.map((topic) => ({ value: topic, label: t(`care.conflicts.topic.${topic}`) }))}
          onChange={(topic) => form.set('topic', topic)}
          error={form.error('topic') && t('care.conflicts.topicRequired')}
        />
      );
    case 'position':
      return area('position', true);
    case 'question':
      return area('question');
    case 'interest':
      return area('interest');
    case 'reflection':
      return area('reflection');
    case 'stakeholders':
      return contacts.length === 0 ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('care.conflicts.noContacts')}
          </Text>
          {contactsLink}
        </Stack>
      ) : (
        <Checkbox.Group
          label={t('care.conflicts.steps.stakeholders.label')}
          value={values.stakeholderIds}
          onChange={(ids) => form.set('stakeholderIds', ids)}
          error={form.error('stakeholderIds')}
        >
          <Stack gap="xs" mt="xs">
            {contacts.map((contact) => (
              <Checkbox
                key={contact.id}
                value={contact.id}
                label={
                  <>
                    <bdi>{contact.name}</bdi>
                    {contact.role && (
                      <Text span size="sm" c="dimmed">
                        {' · '}
                        <bdi>{contact.role}</bdi>
                      </Text>
                    )}
                  </>
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'options':
      return (
        <LinesField
          label={t('care.conflicts.steps.options.label')}
          description={t('care.conflicts.steps.options.hint')}
          lines={values.options}
          onChange={(path, options) =>
            form.update(path ?? 'options', (prev) => ({ ...prev, options, chosenOption: rechoose(prev, options) }))
          }
          error={form.error}
          path="options"
          pathSuffix="text"
          itemLabel={t('care.conflicts.option')}
          addLabel={t('care.conflicts.addOption')}
          max={MAX_OPTIONS}
          reorder
          placeholders={[t('care.conflicts.steps.options.placeholder'), t('care.conflicts.steps.options.placeholder2')]}
        />
      );
    case 'choice': {
      const options = values.options.map((text, index) => ({ text: text.trim(), index })).filter((o) => o.text);
      return options.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('care.conflicts.noOptions')}
        </Text>
      ) : (
        <Radio.Group
          label={t('care.conflicts.steps.choice.label')}
          value={values.chosenOption === null ? 'none' : String(values.chosenOption)}
          onChange={(value) => form.set('chosenOption', value === 'none' ? null : Number(value))}
          error={form.error('chosenOption')}
        >
          <Stack gap="xs" mt="xs">
            {options.map((option) => (
              <Radio
                key={option.index}
                value={String(option.index)}
                label={
                  <>
                    {option.index + 1}. <bdi>{option.text}</bdi>
                  </>
                }
              />
            ))}
            <Radio value="none" label={t('care.conflicts.notChosen')} />
          </Stack>
        </Radio.Group>
      );
    }
    case 'outcome':
      return (
        <Stack gap="md">
          {outcome}
          <DateField
            label={t('care.conflicts.occurredOn')}
            value={values.occurredOn}
            onChange={(value) => form.set('occurredOn', value)}
            error={form.error('occurredOn')}
            w={220}
          />
          <LabelledSegments
            label={t('care.conflicts.statusLabel')}
            value={values.status}
            options={conflictStatuses.map((s) => ({ value: s, label: t(`care.conflicts.status.${s}`) }))}
            onChange={(status) => form.set('status', status)}
          />
        </Stack>
      );
  }
}
