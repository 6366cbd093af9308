import { Box, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../../components/ui/section-card';

export type Column<Row> = { key: string; header: string; cell: (row: Row) => ReactNode; numeric?: boolean };

/**
 * The chart's numbers as a real table with a caption: what a screen reader reads instead of the
 * drawing, and what a sighted reader checks an exact value in. It scrolls inside its frame.
 */
export function ChartTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
}) {
  return (
    <Box tabIndex={0} role="region" aria-label={caption} style={{ maxBlockSize: 260, overflow: 'auto' }} mt="sm">
      <Table striped withTableBorder stickyHeader fz="sm" verticalSpacing={4} miw={320}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col" style={c.numeric ? { textAlign: 'end' } : undefined}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <Table.Th key={c.key} scope="row" fw={500}>
                    {c.cell(row)}
                  </Table.Th>
                ) : (
                  <Table.Td key={c.key} style={c.numeric ? { textAlign: 'end' } : undefined}>
                    {c.cell(row)}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** A titled chart with its table; the drawing itself is hidden from screen readers (the table says it). */
export function ChartCard({
  id,
  title,
  intro,
  empty,
  chart,
  table,
}: {
  id: string;
  title: string;
  intro?: string;
  empty: boolean;
  chart: ReactNode;
  table: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <SectionCard id={id} title={title}>
      {intro && (
        <Text size="sm" c="dimmed" mb="sm">
          {intro}
        </Text>
      )}
      {empty ? (
        <Text size="sm">{t('health.charts.noData')}</Text>
      ) : (
        <>
          {/* The charts' SVG reads as a bag of numbers; the table below is the accessible version. */}
          <div aria-hidden="true" dir="ltr">
            {chart}
          </div>
          {table}
        </>
      )}
    </SectionCard>
  );
}
