import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from '../../../components/ui/icons';

type Props = {
  label: string;
  description?: string | undefined;
  lines: string[];
  /** `path` is the edited line's dotted path (`tactics.2`), or null when lines move or go. */
  onChange: (path: string | null, lines: string[]) => void;
  error: (path: string) => string | undefined;
  /** The form path of the list (`tactics`, `options`): line paths are `<path>.<index>[.<suffix>]`. */
  path: string;
  pathSuffix?: string;
  /** "Tactic": each line is read as "Tactic 2". */
  itemLabel: string;
  addLabel: string;
  max: number;
  /** Order matters (options, smallest problem first): up and down buttons. */
  reorder?: boolean;
  /** What the first line could say (the seed's own example). */
  placeholders?: readonly string[];
};

/** A short list of one-line texts: add, edit, remove and (where order matters) move. */
export function LinesField({
  label,
  description,
  lines,
  onChange,
  error,
  path,
  pathSuffix,
  itemLabel,
  addLabel,
  max,
  reorder = false,
  placeholders = [],
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const linePath = (index: number) => `${path}.${index}${pathSuffix ? `.${pathSuffix}` : ''}`;
  const move = (index: number, by: number) => {
    const next = [...lines];
    const [moved] = next.splice(index, 1);
    if (moved !== undefined) next.splice(index + by, 0, moved);
    onChange(null, next);
  };
  const listError = error(path);
  return (
    <div role="group" aria-labelledby={`${id}-label`}>
      <Text id={`${id}-label`} size="sm" fw={500}>
        {label}
      </Text>
      {description && (
        <Text size="xs" c="dimmed" mb={4}>
          {description}
        </Text>
      )}
      <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {lines.map((line, index) => {
          const name = `${itemLabel} ${index + 1}`;
          return (
            <Group component="li" key={index} gap={4} wrap="nowrap" align="flex-start">
              <TextInput
                style={{ flex: 1, minInlineSize: 0 }}
                aria-label={name}
                value={line}
                dir="auto"
                placeholder={placeholders[index]}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  onChange(
                    linePath(index),
                    lines.map((l, i) => (i === index ? text : l)),
                  );
                }}
                error={error(linePath(index))}
              />
              {reorder && (
                <>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    disabled={index === 0}
                    aria-label={t('care.lines.up', { name })}
                    onClick={() => move(index, -1)}
                  >
                    <ArrowUpIcon size={18} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    disabled={index === lines.length - 1}
                    aria-label={t('care.lines.down', { name })}
                    onClick={() => move(index, 1)}
                  >
                    <ArrowDownIcon size={18} />
                  </ActionIcon>
                </>
              )}
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('care.lines.remove', { name })}
                onClick={() =>
                  onChange(
                    null,
                    lines.filter((_, i) => i !== index),
                  )
                }
              >
                <TrashIcon size={18} />
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
      {listError && (
        <Text size="xs" c="var(--mantine-color-error)" mt={4}>
          {listError}
        </Text>
      )}
      <Button
        mt={6}
        size="compact-sm"
        variant="light"
        leftSection={<PlusIcon size={16} />}
        disabled={lines.length >= max}
        onClick={() => onChange(null, [...lines, ''])}
      >
        {addLabel}
      </Button>
    </div>
  );
}
