import '@mantine/dropzone/styles.css';
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_MAX_FILE_BYTES,
  importFields,
  type ImportAction,
  type ImportCommitted,
  type ImportField,
  type ImportParsed,
  type ImportPreviewed,
} from '../../../../shared/schemas/imports';
import { commitImport, parseImportFile, previewImport } from '../api/imports-api';
import { UploadProgress } from './upload-progress';
import { useUploadTask } from './use-upload-task';

type Mapping = (ImportField | null)[];

/** Rows drawn at a time: 50,000 table rows would freeze a phone; the ones that need a decision come first. */
const PAGE = 50;

export function ImportWizard({ onDone }: { onDone?: (result: ImportCommitted) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<ImportParsed | null>(null);
  const [mapping, setMapping] = useState<Mapping>([]);
  const [preview, setPreview] = useState<ImportPreviewed | null>(null);
  const [decisions, setDecisions] = useState<Record<number, ImportAction>>({});
  const [result, setResult] = useState<ImportCommitted | null>(null);
  const { run, progress, busy, error } = useUploadTask(t('imports.failed'));
  const [shown, setShown] = useState(PAGE);

  async function pick(files: File[]) {
    const chosen = files[0];
    if (!chosen) return;
    const parsed = await run((onProgress) => parseImportFile(chosen, onProgress));
    if (!parsed) return;
    setFile(parsed);
    setMapping(parsed.mapping);
    setPreview(null);
    setResult(null);
  }

  async function showPreview() {
    if (!file) return;
    const answer = await run((onProgress) => previewImport({ mapping, rows: file.rows }, onProgress));
    if (answer) {
      setPreview(answer);
      setDecisions({});
      setShown(PAGE);
    }
  }

  async function doImport() {
    if (!file || !preview) return;
    const list = Object.entries(decisions).map(([index, action]) => ({ index: Number(index), action }));
    const answer = await run((onProgress) => commitImport({ mapping, rows: file.rows, decisions: list }, onProgress));
    if (answer) {
      setResult(answer);
      onDone?.(answer);
    }
  }

  // Problems and duplicates first: those are the rows a decision is asked about.
  const ordered = useMemo(
    () =>
      preview
        ? [...preview.rows].sort(
            (a, b) => Number(!a.draft || a.duplicate ? 0 : 1) - Number(!b.draft || b.duplicate ? 0 : 1),
          )
        : [],
    [preview],
  );

  const fieldOptions = importFields.map((f) => ({ value: f, label: t(`imports.fields.${f}`) }));

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {result ? (
        <Alert color="teal" title={t('imports.doneTitle')}>
          {t('imports.doneSummary', result)}
        </Alert>
      ) : null}

      {busy && <UploadProgress sent={progress ?? null} sending={t('imports.sending')} working={t('imports.working')} />}

      <Dropzone onDrop={(files) => void pick(files)} maxSize={IMPORT_MAX_FILE_BYTES} multiple={false} loading={busy}>
        <Stack align="center" gap={4} py="lg">
          <Text fw={600}>{t('imports.dropTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('imports.dropHint')}
          </Text>
        </Stack>
      </Dropzone>

      {file && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('imports.mappingTitle', { count: file.rows.length })}
          </Title>
          <Table.ScrollContainer
            minWidth={320}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('imports.title')}
          >
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.column')}</Table.Th>
                  <Table.Th>{t('imports.example')}</Table.Th>
                  <Table.Th>{t('imports.becomes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {file.headers.map((header, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <bdi>{header}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <bdi>{file.rows[0]?.[i] ?? ''}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('imports.becomesFor', { column: header })}
                        data={fieldOptions}
                        value={mapping[i] ?? null}
                        placeholder={t('imports.ignore')}
                        clearable
                        onChange={(v) =>
                          setMapping((m) => m.map((x, j) => (j === i ? ((v as ImportField | null) ?? null) : x)))
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button onClick={() => void showPreview()} loading={busy}>
              {t('imports.preview')}
            </Button>
          </Group>
        </Stack>
      )}

      {file && preview && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('imports.previewTitle', preview.counts)}
          </Title>
          <Table.ScrollContainer
            minWidth={320}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('imports.title')}
          >
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.row')}</Table.Th>
                  <Table.Th>{t('imports.client')}</Table.Th>
                  <Table.Th>{t('imports.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ordered.slice(0, shown).map((row) => (
                  <Table.Tr key={row.index}>
                    <Table.Td>{row.index + 1}</Table.Td>
                    <Table.Td>
                      {row.draft ? (
                        <Stack gap={2}>
                          <Text fw={600}>
                            <bdi>{row.draft.name}</bdi>
                          </Text>
                          <Text size="sm" c="dimmed" dir="auto">
                            {[row.draft.phone, row.draft.email].filter(Boolean).join(' · ')}
                          </Text>
                          {row.duplicate && (
                            <Badge color="yellow" variant="light">
                              {row.duplicate.of === 'existing'
                                ? t('imports.duplicateExisting', { name: row.duplicate.clientName ?? '' })
                                : t('imports.duplicateInFile', { row: (row.duplicate.rowIndex ?? 0) + 1 })}
                            </Badge>
                          )}
                        </Stack>
                      ) : (
                        <Text size="sm" c="red.9">
                          {row.problems
                            .map((p) => `${t(`imports.fields.${p.field}`, p.field)}: ${p.message}`)
                            .join(' · ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {row.draft ? (
                        <Select
                          aria-label={t('imports.actionFor', { row: row.index + 1 })}
                          data={(row.duplicate
                            ? (['merge', 'skip', 'create'] as const)
                            : (['create', 'skip'] as const)
                          ).map((a) => ({
                            value: a,
                            label: a === 'create' && !row.duplicate ? t('imports.import') : t(`imports.actions.${a}`),
                          }))}
                          value={decisions[row.index] ?? row.proposed}
                          allowDeselect={false}
                          onChange={(v) => v && setDecisions((d) => ({ ...d, [row.index]: v as ImportAction }))}
                        />
                      ) : (
                        <Text size="sm">{t('imports.actions.skip')}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {ordered.length > shown && (
            <Group>
              <Button variant="subtle" onClick={() => setShown((n) => n + PAGE * 4)}>
                {t('imports.showMore', { shown, total: ordered.length })}
              </Button>
            </Group>
          )}
          <Group>
            <Button onClick={() => void doImport()} loading={busy} disabled={Boolean(result)}>
              {t('imports.import')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
