import { Card, Descriptions, Empty, Flex, Grid, Spin, Table } from 'antd';
import type { ReactNode } from 'react';

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
 * A table on a wide screen, a card per row on a phone (390 px): a wide table there only scrolls
 * sideways and hides the actions, so each row's columns become the lines of its card.
 */
export function ResponsiveTable<T>({ rows, rowKey, columns, loading, emptyText }: ResponsiveTableProps<T>) {
  const narrow = !Grid.useBreakpoint().md;
  if (!narrow)
    return (
      <Table<T>
        rowKey={rowKey}
        size="middle"
        loading={loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText }}
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
  if (loading) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  if (rows.length === 0) return <Empty description={emptyText} />;
  const primary = columns.find((c) => c.primary);
  const lines = columns.filter((c) => c !== primary);
  return (
    <Flex vertical gap={8}>
      {rows.map((row, i) => (
        <Card
          key={rowKey(row)}
          size="small"
          title={primary?.render(row, i)}
          styles={{ title: { whiteSpace: 'normal' } }}
        >
          <Descriptions
            size="small"
            column={1}
            items={lines.map((c) => ({ key: c.key, label: c.title, children: c.render(row, i) }))}
          />
        </Card>
      ))}
    </Flex>
  );
}
