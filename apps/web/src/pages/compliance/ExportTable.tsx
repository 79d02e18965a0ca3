import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { toastError } from '../../feedback.ts';
import { type CellValue, downloadXlsx } from './xlsx.ts';

/** A column once, for the screen and for the file: `value` is what both show unless `render` says. */
export interface ExportColumn<T> {
  key: string;
  title: string;
  value: (row: T) => CellValue;
  render?: (row: T) => ReactNode;
  width?: number;
  sorter?: boolean;
  /** false: shown on screen only (a link, an action), not written to the file */
  exported?: boolean;
}

interface ExportTableProps<T> {
  title: ReactNode;
  /** the file's name and its sheet's */
  exportName: string;
  columns: ExportColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  onRow?: TableProps<T>['onRow'];
  loading?: boolean;
  pageSize?: number;
  extra?: ReactNode;
  /** pages served by the server: `rows` is the page shown, `all` fetches every row for the file */
  remote?: { total: number; page: number; onChange: (page: number) => void; all: () => Promise<T[]> };
}

/**
 * A table in a card with 导出 Excel, which writes every row (not only the page shown): for pages
 * served by the server, every page is fetched at the export.
 */
export function ExportTable<T extends object>(props: ExportTableProps<T>) {
  const { title, exportName, columns, rows, rowKey, onRow, loading, pageSize = 10, extra, remote } = props;
  const [exporting, setExporting] = useState(false);
  const exportRows = async () => {
    setExporting(true);
    try {
      const filed = columns.filter((c) => c.exported !== false);
      await downloadXlsx({
        fileName: exportName,
        sheet: exportName,
        header: filed.map((c) => c.title),
        rows: (remote ? await remote.all() : rows).map((r) => filed.map((c) => c.value(r))),
      });
    } catch (error) {
      toastError(error);
    } finally {
      setExporting(false);
    }
  };
  return (
    <Card
      size="small"
      title={title}
      extra={
        <>
          {extra}
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={rows.length === 0}
            onClick={() => void exportRows()}
          >
            导出 Excel
          </Button>
        </>
      }
    >
      <Table<T>
        size="small"
        rowKey={rowKey}
        dataSource={rows}
        loading={loading}
        onRow={onRow}
        pagination={
          remote
            ? remote.total > pageSize && {
                pageSize,
                total: remote.total,
                current: remote.page,
                onChange: remote.onChange,
                showSizeChanger: false,
              }
            : rows.length > pageSize && { pageSize, showSizeChanger: false }
        }
        scroll={{ x: 'max-content' }}
        columns={columns.map((c) => ({
          key: c.key,
          title: c.title,
          width: c.width,
          render: (_: unknown, row: T) => c.render?.(row) ?? c.value(row),
          sorter: c.sorter ? (a: T, b: T) => compare(c.value(a), c.value(b)) : undefined,
        }))}
      />
    </Card>
  );
}

function compare(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''), 'zh-CN');
}
