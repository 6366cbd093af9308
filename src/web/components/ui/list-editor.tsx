import { Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../shared/text';
import { Dialog } from './dialog';
import { EditIcon, PlusIcon, TrashIcon } from './icons';

type Props<T extends { id: string }> = {
  /** Undefined while loading. */
  items: T[] | undefined;
  error: Error | null;
  listLabel: string;
  emptyText?: string;
  addLabel: string;
  deleteLabel: string;
  /** "Delete “Standard terms”?" — asked once before deleting. */
  deleteConfirm: (item: T) => string;
  /** The item's name, read after Edit / Delete by screen readers. */
  nameOf: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** The form for a new item (null) or an existing one; `done` returns to the list. */
  renderForm: (item: T | null, done: () => void) => ReactNode;
  deleteBusy: boolean;
  /** Deletes the item; `done` closes the question. */
  onDelete: (item: T, done: () => void) => void;
  skeletonHeight?: number;
};

/** A settings list: each item with Edit and Delete (asked once), and Add; editing replaces the list. */
export function ListEditor<T extends { id: string }>({
  items,
  error,
  listLabel,
  emptyText,
  addLabel,
  deleteLabel,
  deleteConfirm,
  nameOf,
  renderItem,
  renderForm,
  deleteBusy,
  onDelete,
  skeletonHeight = 120,
}: Props<T>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  if (error) return <Text c="var(--mantine-color-error)">{error.message}</Text>;
  if (!items) return <Skeleton height={skeletonHeight} />;
  if (editing) return renderForm(editing === 'new' ? null : editing, () => setEditing(null));
  return (
    <Stack gap="sm">
      {items.length === 0 && emptyText ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={listLabel}>
          {items.map((item) => (
            <li key={item.id}>
              <Paper withBorder radius="sm" p="sm" mb="xs">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  {renderItem(item)}
                  <Group gap="xs">
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<EditIcon size={16} />}
                      onClick={() => setEditing(item)}
                    >
                      {t('actions.edit')}
                      <span className="visually-hidden"> {isolate(nameOf(item))}</span>
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      leftSection={<TrashIcon size={16} />}
                      onClick={() => setDeleting(item)}
                    >
                      {deleteLabel}
                      <span className="visually-hidden"> {isolate(nameOf(item))}</span>
                    </Button>
                  </Group>
                </Group>
              </Paper>
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
          {addLabel}
        </Button>
      </div>
      <Dialog
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={deleteLabel}
        closeLabel={t('actions.close')}
      >
        <Stack gap="md">
          <Text size="sm">{deleting ? deleteConfirm(deleting) : null}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="subtle" color="gray" onClick={() => setDeleting(null)}>
              {t('actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={deleteBusy}
              onClick={() => deleting && onDelete(deleting, () => setDeleting(null))}
            >
              {deleteLabel}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}
