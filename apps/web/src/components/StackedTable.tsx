import { Card, Descriptions, Grid, List, Table, type TableColumnType, type TableProps } from 'antd';
import type { Key, ReactNode } from 'react';

type Column = TableColumnType<object>;

/** The cell a column shows for a record, as the table would render it. */
function cellOf(column: Column, record: object, index: number): ReactNode {
  const path = column.dataIndex;
  const value = typeof path === 'string' ? (record as Record<string, unknown>)[path] : undefined;
  return column.render ? (column.render(value, record, index) as ReactNode) : (value as ReactNode);
}

/**
 * A table on the desk, a stack of cards on the phone (below antd's `md`): each record a card of
 * "column: value" lines, so a row is read whole instead of scrolled sideways or wrapped word by word.
 * The 序号 column (key `i`) is left out of the cards, where the order shows it; the column keyed
 * `cardTitleKey`, when given, is the card's title instead of one of its lines. With `sideways`, the
 * table on the desk keeps its columns' widths (140 px where none is given) and scrolls sideways
 * rather than squeezing them, its `fixed` columns (the actions) staying in sight.
 */
export function StackedTable<T extends object>({
  cardTitleKey,
  sideways,
  ...props
}: TableProps<T> & { cardTitleKey?: string; sideways?: boolean }) {
  const narrow = !Grid.useBreakpoint().md;
  const all = (props.columns ?? []) as Column[];
  if (!narrow) {
    const wide = all.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 140), 0);
    return <Table<T> {...(sideways ? { scroll: { x: wide } } : {})} {...props} />;
  }
  const title = all.find((c) => cardTitleKey !== undefined && c.key === cardTitleKey);
  const columns = all.filter((c) => c.key !== 'i' && c !== title);
  const records = (props.dataSource ?? []) as readonly object[];
  const rowKey = props.rowKey as ((r: object, i?: number) => Key) | string | undefined;
  const keyOf = (r: object, i: number): Key =>
    typeof rowKey === 'function' ? rowKey(r, i) : ((r as Record<string, Key>)[rowKey ?? 'key'] ?? i);
  return (
    <List
      dataSource={[...records]}
      loading={Boolean(props.loading)}
      pagination={props.pagination ? { pageSize: 20, size: 'small', simple: true } : false}
      locale={{ emptyText: (props.locale?.emptyText as ReactNode) ?? '暂无数据' }}
      renderItem={(record: object, index: number) => (
        <List.Item key={keyOf(record, index)} style={{ padding: '4px 0', border: 'none' }}>
          <Card
            size="small"
            style={{ width: '100%' }}
            title={title ? cellOf(title, record, index) : undefined}
            styles={{ title: { whiteSpace: 'normal' } }}
          >
            <Descriptions
              size="small"
              column={1}
              items={columns.map((c, j) => ({
                key: String(c.key ?? c.dataIndex ?? j),
                label: c.title as ReactNode,
                children: cellOf(c, record, index),
              }))}
            />
          </Card>
        </List.Item>
      )}
    />
  );
}
