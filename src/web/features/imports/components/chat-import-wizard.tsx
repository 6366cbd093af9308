import '@mantine/dropzone/styles.css';
import { Alert, Badge, Button, Checkbox, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHAT_MAX_FILE_BYTES,
  type ChatCommitted,
  type ChatPreview,
  type ChatPromise,
} from '../../../../shared/schemas/chat-import';
import { formatDateTime, formatLongDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { commitChat, previewChat } from '../api/chat-import-api';
import { UploadProgress } from './upload-progress';
import { useUploadTask } from './use-upload-task';

type Props = {
  clientId: string;
  clientName: string;
  timeZone: string;
  /** A file shared in from the phone: the wizard starts on it instead of asking for one. */
  initialFile?: File | null;
  onDone?: (result: ChatCommitted) => void;
};

/** The title a kept promise gets: the sentence, cut to what a promise's title holds. */
const titleOf = (p: ChatPromise) => (p.sentence.length > 300 ? `${p.sentence.slice(0, 299)}…` : p.sentence);

/** The author who is the user: of two, the one who is not the client. */
function guessMe(authors: ChatPreview['authors'], clientName: string): string | null {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const others = authors.filter((a) => norm(a.name) !== norm(clientName));
  return authors.length === 2 && others.length === 1 ? others[0]!.name : null;
}

/**
 * WhatsApp's "Export chat" into one client's contact log (issue 11): the file, which author is me,
 * then what it adds (conversations, duplicates skipped) and the promises found, each ticked to keep.
 */
export function ChatImportWizard({ clientId, clientName, timeZone, initialFile, onDone }: Props) {
  const { t } = useTranslation();
  const locale = currentIntlLocale();
  const [file, setFile] = useState<File | null>(null);
  const [authors, setAuthors] = useState<ChatPreview['authors']>([]);
  const [me, setMe] = useState<string | null>(null);
  const [preview, setPreview] = useState<ChatPreview | null>(null);
  const [kept, setKept] = useState<Set<string>>(new Set());
  /** The promise's title as the user edited it; the sentence it was said in until then. */
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ChatCommitted | null>(null);
  const { run, progress, busy, error, setError } = useUploadTask(t('chatImport.failed'));
  const started = useRef(false);

  async function pick(chosen: File | undefined) {
    if (!chosen) return;
    setFile(chosen);
    setPreview(null);
    setResult(null);
    const first = await run((onProgress) => previewChat(clientId, chosen, null, onProgress));
    if (!first) return;
    setAuthors(first.authors);
    const guess = guessMe(first.authors, clientName);
    setMe(guess);
    if (guess) await showPreview(chosen, guess);
  }

  async function showPreview(chosen: File, author: string) {
    const answer = await run((onProgress) => previewChat(clientId, chosen, author, onProgress));
    if (answer) {
      setPreview(answer);
      setKept(new Set());
      setTitles({});
    }
  }

  async function doImport() {
    if (!file || !me || !preview) return;
    const choices = preview.promises
      .filter((p) => kept.has(p.key))
      .map((p) => ({
        key: p.key,
        direction: p.direction,
        title: (titles[p.key] ?? titleOf(p)).trim() || titleOf(p),
        dueDate: p.dueDate,
        dueTime: p.dueTime,
      }));
    const answer = await run((onProgress) => commitChat(clientId, file, me, choices, onProgress));
    if (answer) {
      setResult(answer);
      onDone?.(answer);
    }
  }

  useEffect(() => {
    if (initialFile && !started.current) {
      started.current = true;
      void pick(initialFile);
    }
    // Once, for the file handed in; later files come from the drop zone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialFile]);

  const toggle = (key: string, on: boolean) =>
    setKept((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {result && (
        <Alert color="teal" title={t('chatImport.doneTitle')} role="status">
          {t('chatImport.doneSummary', result)}
        </Alert>
      )}

      {!result && (
        <Dropzone
          onDrop={(files) => void pick(files[0])}
          maxSize={CHAT_MAX_FILE_BYTES}
          multiple={false}
          disabled={busy}
          onReject={() => setError(t('chatImport.tooLarge', { limit: CHAT_MAX_FILE_BYTES / 1024 / 1024 }))}
        >
          <Stack align="center" gap={4} py="lg">
            <Text fw={600}>{file ? t('chatImport.dropAnother') : t('chatImport.dropTitle')}</Text>
            <Text size="sm" c="dimmed">
              {file ? <bdi>{file.name}</bdi> : t('chatImport.dropHint')}
            </Text>
          </Stack>
        </Dropzone>
      )}

      {busy && (
        <UploadProgress sent={progress ?? null} sending={t('chatImport.sending')} working={t('chatImport.working')} />
      )}

      {file && authors.length > 0 && !result && (
        <Radio.Group
          label={t('chatImport.whoAmI')}
          description={t('chatImport.whoAmIHint')}
          value={me}
          onChange={(author) => {
            setMe(author);
            void showPreview(file, author);
          }}
        >
          <Stack gap="xs" mt="xs">
            {authors.map((a) => (
              <Radio
                key={a.name}
                value={a.name}
                disabled={busy}
                label={
                  <>
                    <bdi>{a.name}</bdi> · {t('chatImport.messageCount', { count: a.count })}
                  </>
                }
              />
            ))}
          </Stack>
        </Radio.Group>
      )}

      {preview && !result && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {preview.newMessages === 0
              ? t('chatImport.nothingNew')
              : t('chatImport.previewTitle', { count: preview.conversations, messages: preview.newMessages })}
          </Title>
          {preview.from && preview.to && (
            <Text size="sm">
              {t('chatImport.span', {
                from: formatDateTime(preview.from, locale, timeZone),
                to: formatDateTime(preview.to, locale, timeZone),
              })}
            </Text>
          )}
          {preview.duplicates > 0 && (
            <Text size="sm" c="dimmed">
              {t('chatImport.duplicates', { count: preview.duplicates })}
            </Text>
          )}
          {preview.promises.length > 0 ? (
            <Stack gap="xs" role="group" aria-label={t('chatImport.promisesTitle')}>
              <Text fw={600}>{t('chatImport.promisesTitle')}</Text>
              <Text size="sm" c="dimmed">
                {t('chatImport.promisesHint')}
              </Text>
              {preview.promises.map((p) => (
                <Stack key={p.key} gap={4}>
                  <Checkbox
                    checked={kept.has(p.key)}
                    onChange={(e) => toggle(p.key, e.currentTarget.checked)}
                    label={
                      <Stack gap={2}>
                        <Text dir="auto">{p.sentence}</Text>
                        <Group gap="xs">
                          <Badge variant="light" color={p.direction === 'mine' ? 'blue' : 'grape'}>
                            {t(`chatImport.direction.${p.direction}`)}
                          </Badge>
                          <Text size="sm" c="dimmed">
                            {t('chatImport.due', {
                              date: formatLongDay(p.dueDate, locale, false),
                              time: p.dueTime ?? '',
                              context: p.dueTime ? 'time' : undefined,
                            })}
                          </Text>
                        </Group>
                      </Stack>
                    }
                  />
                  {kept.has(p.key) && (
                    <TextInput
                      ms="xl"
                      label={t('chatImport.promiseTitle')}
                      value={titles[p.key] ?? titleOf(p)}
                      maxLength={300}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setTitles((all) => ({ ...all, [p.key]: value }));
                      }}
                    />
                  )}
                </Stack>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('chatImport.noPromises')}
            </Text>
          )}
          <Group>
            <Button onClick={() => void doImport()} loading={busy} disabled={preview.newMessages === 0}>
              {kept.size > 0 ? t('chatImport.importWith', { count: kept.size }) : t('chatImport.import')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
