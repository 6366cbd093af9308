import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Playbook } from '../../../../shared/schemas/care';
import { type Locale, locales } from '../../../../shared/schemas/common';
import { isolate } from '../../../../shared/text';
import { Dialog } from '../../../components/ui/dialog';
import { EditIcon, HistoryIcon, PlusIcon, TrashIcon } from '../../../components/ui/icons';
import { LabelledSegments } from '../../../components/ui/labelled-segments';
import { currentLanguage } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDeleteClientType, usePlaybooks, useResetPlaybook } from '../api/care-queries';
import { PlaybookForm } from './playbook-form';
import { PlaybookView } from './playbook-view';

type Asking = { kind: 'reset' | 'delete'; playbook: Playbook };

/**
 * Settings › Client types & playbooks: each type's hint, tactics and things to avoid, in the
 * language chosen above the list; built-in texts can be rewritten and reset, added types deleted.
 */
export function PlaybooksEditor() {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Locale>(currentLanguage());
  const list = usePlaybooks(locale);
  const reset = useResetPlaybook();
  const remove = useDeleteClientType();
  const [editing, setEditing] = useState<Playbook | 'new' | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);

  const languageSwitch = (
    <LabelledSegments
      label={t('care.playbooks.language')}
      value={locale}
      options={locales.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      onChange={(next) => {
        setEditing(null);
        setLocale(next);
      }}
    />
  );

  if (editing)
    return (
      <Stack gap="md">
        <Title order={3} size="h5">
          {editing === 'new' ? (
            t('care.playbooks.addTitle')
          ) : (
            <>
              {t('care.playbooks.editHeading')} <bdi>{editing.name}</bdi>
            </>
          )}
          <Text span size="sm" c="dimmed">
            {' '}
            ({t(`languages.${locale}`)})
          </Text>
        </Title>
        <PlaybookForm playbook={editing === 'new' ? null : editing} locale={locale} onDone={() => setEditing(null)} />
      </Stack>
    );

  const confirm = () => {
    if (!asking) return;
    const { kind, playbook } = asking;
    const done = (message: string) => () => {
      setAsking(null);
      notifySuccess(message);
    };
    if (kind === 'reset')
      reset.mutate(
        { type: playbook.type, locale },
        { onSuccess: done(t('care.playbooks.wasReset', { name: isolate(playbook.name) })), onError: notifyError },
      );
    else
      remove.mutate(playbook.type, {
        onSuccess: done(t('care.playbooks.deleted', { name: isolate(playbook.name) })),
        onError: notifyError,
      });
  };

  return (
    <Stack gap="md">
      {languageSwitch}
      {list.isError ? (
        <Text c="red.9">{list.error.message}</Text>
      ) : !list.data ? (
        <Skeleton height={240} />
      ) : (
        <Stack
          gap="sm"
          component="ul"
          aria-label={t('care.playbooks.listLabel')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {list.data.items.map((playbook) => (
            <Paper component="li" key={playbook.type} withBorder radius="sm" p="md">
              <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
                <Group gap="xs">
                  <Title order={3} size="h5">
                    <bdi>{playbook.name}</bdi>
                  </Title>
                  <Badge variant="light" color="gray" c="dark.7" size="sm" radius="sm">
                    {playbook.builtIn ? t('care.playbooks.builtIn') : t('care.playbooks.custom')}
                  </Badge>
                  {playbook.builtIn && playbook.edited && (
                    <Badge variant="outline" color="grape" c="grape.9" size="sm" radius="sm">
                      {t('care.playbooks.edited')}
                    </Badge>
                  )}
                  {playbook.locale !== locale && (
                    <Text size="xs" c="dimmed">
                      {t('care.playbooks.onlyIn', { language: t(`languages.${playbook.locale}`) })}
                    </Text>
                  )}
                </Group>
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<EditIcon size={16} />}
                    onClick={() => setEditing(playbook)}
                  >
                    {t('actions.edit')}
                    <span className="visually-hidden"> {isolate(playbook.name)}</span>
                  </Button>
                  {playbook.builtIn && playbook.edited && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<HistoryIcon size={16} />}
                      onClick={() => setAsking({ kind: 'reset', playbook })}
                    >
                      {t('care.playbooks.reset')}
                      <span className="visually-hidden"> {isolate(playbook.name)}</span>
                    </Button>
                  )}
                  {!playbook.builtIn && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      leftSection={<TrashIcon size={16} />}
                      onClick={() => setAsking({ kind: 'delete', playbook })}
                    >
                      {t('care.playbooks.delete')}
                      <span className="visually-hidden"> {isolate(playbook.name)}</span>
                    </Button>
                  )}
                </Group>
              </Group>
              <PlaybookView playbook={playbook} headingLevel={4} />
            </Paper>
          ))}
        </Stack>
      )}
      <div>
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
          {t('care.playbooks.add')}
        </Button>
      </div>
      <Dialog
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking?.kind === 'delete' ? t('care.playbooks.delete') : t('care.playbooks.reset')}
        closeLabel={t('actions.close')}
      >
        <Stack gap="md">
          <Text size="sm">
            {asking?.kind === 'delete'
              ? t('care.playbooks.deleteConfirm', { name: isolate(asking.playbook.name) })
              : asking
                ? t('care.playbooks.resetConfirm', {
                    name: isolate(asking.playbook.name),
                    language: t(`languages.${locale}`),
                  })
                : null}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="subtle" color="gray" onClick={() => setAsking(null)}>
              {t('actions.cancel')}
            </Button>
            <Button
              color={asking?.kind === 'delete' ? 'red' : 'mila'}
              loading={reset.isPending || remove.isPending}
              onClick={confirm}
            >
              {asking?.kind === 'delete' ? t('care.playbooks.delete') : t('care.playbooks.reset')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}
