import type { ReactNode } from 'react';
import { StackedTable } from './StackedTable.tsx';

export interface RColumn<T> {
  key: string;
  title: string;
  render: (row: T, index: number) => ReactNode;
  width?: number;
  /** the card's title on a phone (one column); the others become its lines */
  primary?: boolean;
  /** kept in sight at the right edge when the table scrolls sideways (the actions) */
  pinned?: boolean;
}

interface ResponsiveTableProps<T> {
  rows: T[];
  rowKey: (row: T) => string;
  columns: RColumn<T>[];
  loading?: boolean;
  emptyText?: ReactNode;
}

/**
 * The rule-input pages' tables, declared by column: a `StackedTable` (a table on a wide screen, a
 * card per row on a phone) whose actions stay pinned when the table scrolls sideways.
 */
export function ResponsiveTable<T extends object>({
  rows,
  rowKey,
  columns,
  loading,
  emptyText,
}: ResponsiveTableProps<T>) {
  return (
    <StackedTable<T>
      rowKey={rowKey}
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText }}
      cardTitleKey={columns.find((c) => c.primary)?.key}
      scroll={{ x: columns.reduce((sum, c) => sum + (c.width ?? 140), 0) }}
      columns={columns.map((c) => ({
        key: c.key,
        title: c.title,
        width: c.width,
        fixed: c.pinned ? ('right' as const) : undefined,
        render: (_: unknown, row: T, i: number) => c.render(row, i),
      }))}
    />
  );
}
