import { Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api, type TAuditRow, type TPaged } from '../../api/endpoints.ts';
import { serverPagination } from '../../components/paging.ts';
import { toastError } from '../../feedback.ts';
import { actionLabel, objectLabel, resultLabel } from './auditLabels.ts';

const columns: TableColumnsType<TAuditRow> = [
  { title: '序号', dataIndex: 'seq', width: 90 },
  {
    title: '时间',
    dataIndex: 'at',
    width: 180,
    render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
  },
  { title: '操作人', dataIndex: 'actor', width: 140 },
  {
    title: '操作',
    dataIndex: 'action',
    width: 200,
    render: (action: string) => <span title={action}>{actionLabel(action)}</span>,
  },
  {
    title: '对象',
    key: 'object',
    render: (_, row) =>
      // the server names the object; one gone or not readable shows its kind alone
      row.objectType ? (
        <span>
          {objectLabel(row.objectType)}
          {row.objectName ? <Typography.Text type="secondary"> · {row.objectName}</Typography.Text> : null}
        </span>
      ) : (
        '—'
      ),
  },
  { title: 'IP', dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? '—' },
  {
    title: '结果',
    dataIndex: 'result',
    width: 100,
    render: (result: string) => <Tag color={resultLabel(result).color}>{resultLabel(result).label}</Tag>,
  },
];

/** 操作日志: who did what, when, from which IP, with what result, in the server's order. */
export function AuditPage() {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<TPaged<TAuditRow> | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api.audit
      .list(paging)
      .then((page) => live && setData(page))
      .catch(toastError)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [paging]);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0, marginBottom: 16 }}>
        操作日志
      </Typography.Title>
      <Card size="small">
        <Table<TAuditRow>
          rowKey="seq"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '暂无日志' }}
          pagination={serverPagination(paging, setPaging, data?.total ?? 0, '条')}
        />
      </Card>
    </>
  );
}
