import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/money';
import type { Project } from '../../../../shared/schemas/projects';
import type { Quote, QuoteVersion } from '../../../../shared/schemas/quotes';
import { Ltr, UserText } from '../../../components/ui/bidi';
import { CheckIcon, HistoryIcon } from '../../../components/ui/icons';
import { formatDateTime, formatLongDay } from '../../../lib/format';
import { currentIntlLocale, currentLanguage } from '../../../lib/i18n';
import { termTextFields } from './quote-form-values';
import { QuoteStatusBadge } from './quote-status';
import { TotalsTable } from './quote-editor';

function Section({ id, title, children, icon }: { id: string; title: string; children: ReactNode; icon?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
      <Group gap="xs" mb="sm" c="dimmed">
        {icon}
        <Title order={2} size="h4" id={id} c="var(--mantine-color-text)">
          {title}
        </Title>
      </Group>
      {children}
    </Paper>
  );
}

/** One version as the client saw it: lines, totals, terms and notes, read-only. */
export function QuoteVersionView({
  version,
  exempt,
  idPrefix,
}: {
  version: QuoteVersion;
  exempt: boolean;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const intl = currentIntlLocale();
  const money = (minor: number) => <Ltr>{formatMoney(minor, version.currency, language)}</Ltr>;
  const terms = version.terms;
  return (
    <Stack gap="md">
      <Section id={`${idPrefix}-items`} title={t('quotes.editor.items')}>
        {/* Native scrolling on a focusable region: a keyboard can scroll the wide table too. */}
        <Table.ScrollContainer
          minWidth={420}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('quotes.editor.items')}
        >
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quotes.editor.description')}</Table.Th>
                <Table.Th>{t('quotes.editor.quantity')}</Table.Th>
                <Table.Th>{t('quotes.editor.unitPrice', { currency: version.currency })}</Table.Th>
                <Table.Th>{t('quotes.editor.lineTotal')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {version.items.map((item, index) => (
                <Table.Tr key={index}>
                  <Table.Td>
                    <UserText>{item.description}</UserText>
                  </Table.Td>
                  <Table.Td>
                    <Ltr>{new Intl.NumberFormat(intl).format(item.quantity)}</Ltr>{' '}
                    {item.unit && <UserText>{item.unit}</UserText>}
                  </Table.Td>
                  <Table.Td>{money(item.unitPrice)}</Table.Td>
                  <Table.Td>{money(version.totals.lines[index] ?? 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group mt="sm" justify="flex-end">
          <TotalsTable
            totals={version.totals}
            money={money}
            exempt={exempt}
            vatBasisPoints={version.vatRateBasisPoints}
            includesVat={version.pricesIncludeVat}
          />
        </Group>
        <Text size="sm" mt="xs">
          {t('quotes.editor.validUntil')}
          {t('common.labelSeparator')}
          {formatLongDay(version.validUntil, intl)}
        </Text>
      </Section>
      <Section id={`${idPrefix}-terms`} title={t('quotes.editor.terms')}>
        <dl style={{ margin: 0 }}>
          {termTextFields.map((field) =>
            terms[field] ? (
              <div key={field} style={{ marginBlockEnd: 8 }}>
                <Text component="dt" size="sm" fw={600}>
                  {t(`quoteDocument.${field}`, { ns: 'shared' })}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                  <UserText>{terms[field]}</UserText>
                </Text>
              </div>
            ) : null,
          )}
          {terms.revisionRounds !== null && (
            <div style={{ marginBlockEnd: 8 }}>
              <Text component="dt" size="sm" fw={600}>
                {t('quoteDocument.revisionRounds', { ns: 'shared' })}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {terms.revisionRounds}
              </Text>
            </div>
          )}
          {terms.clientObligations.length > 0 && (
            <div>
              <Text component="dt" size="sm" fw={600}>
                {t('quoteDocument.clientObligations', { ns: 'shared' })}
              </Text>
              <Text component="dd" size="sm" m={0}>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {terms.clientObligations.map((o, i) => (
                    <li key={i}>
                      <UserText>{o.what}</UserText> — {t('quotes.terms.daysAfter', { count: o.dueDaysAfterAcceptance })}
                    </li>
                  ))}
                </ul>
              </Text>
            </div>
          )}
        </dl>
      </Section>
      {version.notes && (
        <Section id={`${idPrefix}-notes`} title={t('quotes.editor.notes')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <UserText>{version.notes}</UserText>
          </Text>
        </Section>
      )}
    </Stack>
  );
}

/** The acceptance record: who typed their name, when, and the fingerprint of what they accepted. */
export function AcceptanceCard({
  version,
  project,
  timeZone,
  renderProjectTitle,
}: {
  version: QuoteVersion;
  project: Project | null;
  timeZone: string;
  /** The route may turn the title into a link to the project page (this feature does not know it). */
  renderProjectTitle?: (project: Project) => ReactNode;
}) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const acceptance = version.acceptance;
  if (!acceptance) return null;
  return (
    <Section id="quote-acceptance" title={t('quotes.view.acceptedTitle')} icon={<CheckIcon size={20} />}>
      <Stack gap={6}>
        <Text size="sm">
          {t('quotes.view.acceptedBy')}
          {t('common.labelSeparator')}
          <Text span fw={700}>
            <UserText>{acceptance.name}</UserText>
          </Text>
        </Text>
        <Text size="sm">
          {t('quotes.view.acceptedAt')}
          {t('common.labelSeparator')}
          {formatDateTime(acceptance.at, intl, timeZone)}
        </Text>
        {/* The content hash stays in the record (acceptance.contentHash); here it is said in words. */}
        <Text size="sm" c="dimmed" data-content-hash={acceptance.contentHash}>
          {t('quotes.view.contentKept')}
        </Text>
        {project && (
          <Text size="sm">
            {t('quotes.view.project')}
            {t('common.labelSeparator')}
            <Text span fw={700}>
              {renderProjectTitle ? renderProjectTitle(project) : <UserText>{project.title}</UserText>}
            </Text>{' '}
            <Badge variant="light" color="teal" c="dark.8" radius="sm">
              {t(`quotes.projectStatus.${project.status}`)}
            </Badge>
            {project.targetDate && (
              <Text span size="sm" c="dimmed">
                {' '}
                {t('quotes.view.projectTarget', { date: formatLongDay(project.targetDate, intl) })}
              </Text>
            )}
          </Text>
        )}
      </Stack>
    </Section>
  );
}

/** Every version, oldest first: its status, when it was sent, and why it replaced the previous one. */
export function VersionHistory({
  quote,
  timeZone,
  selected,
  onSelect,
}: {
  quote: Quote;
  timeZone: string;
  selected: number;
  onSelect: (version: number) => void;
}) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  if (quote.versions.length < 2) return null;
  return (
    <Section id="quote-versions" title={t('quotes.view.versions')} icon={<HistoryIcon size={20} />}>
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {quote.versions.map((v) => (
          <li key={v.version} style={{ marginBlockEnd: 8 }}>
            <Group gap="xs" wrap="wrap">
              <Anchor
                component="button"
                type="button"
                size="sm"
                fw={v.version === selected ? 700 : 400}
                onClick={() => onSelect(v.version)}
                aria-current={v.version === selected ? 'true' : undefined}
              >
                {t('quotes.view.version', { n: v.version })}
              </Anchor>
              <QuoteStatusBadge status={v.status} />
              {v.sentAt && (
                <Text size="xs" c="dimmed">
                  {t('quotes.dates.sent', { date: formatDateTime(v.sentAt, intl, timeZone) })}
                </Text>
              )}
            </Group>
            {v.reason && (
              <Text size="sm">
                {t('quotes.view.reason')}
                {t('common.labelSeparator')}
                <UserText>{v.reason}</UserText>
              </Text>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}
