import { UploadOutlined } from '@ant-design/icons';
import {
  importPhaseLabels,
  ledgerCollectionLabels,
  type TImportJob,
  type TLedgerProblem,
} from '@lianxin/contracts';
import { Alert, Button, Descriptions, Flex, Progress, Result, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { toastError } from '../../feedback.ts';

const POLL_MS = 1000;

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const collection = (key: string) => ledgerCollectionLabels[key] ?? key;

const problemColumns = [
  { title: '类别', dataIndex: 'collection', width: 110, render: collection },
  { title: '编号', dataIndex: 'id', width: 220, render: (id: string | null) => id ?? '—' },
  { title: '字段', dataIndex: 'field', width: 140 },
  { title: '问题', dataIndex: 'messageZh' },
];

/** 新增 / 更新 / 未变 per collection, from a finished job's counts. */
function Counts({ result }: { result: NonNullable<TImportJob['result']> }) {
  const keys = [...new Set([...Object.keys(result.created), ...Object.keys(result.updated)])];
  const line = (k: string) =>
    `新增 ${result.created[k] ?? 0}，更新 ${result.updated[k] ?? 0}，未变 ${result.unchanged[k] ?? 0}`;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={keys.map((k) => ({ key: k, label: collection(k), children: line(k) }))}
    />
  );
}

/** Follows a job until it ends: one read a second, none once it has succeeded, been refused or failed. */
function useJob(id: string | null) {
  const [job, setJob] = useState<TImportJob | null>(null);
  useEffect(() => {
    if (!id) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const next = await api.ledgerImports.get(id);
        if (stopped) return;
        setJob(next);
        if (next.status === 'running') timer = setTimeout(poll, POLL_MS);
      } catch (error) {
        toastError(error);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id]);
  return job;
}

/**
 * 工作台账 (lianxin-ledger/1, the JSON another level or `npx lianxin export` writes): imported as a
 * job off the request path, with a progress bar; all or nothing, every bad record named.
 */
export function LedgerImportPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const job = useJob(jobId);

  const start = async () => {
    if (!file) return;
    setStarting(true);
    try {
      setJobId((await api.ledgerImports.start(file)).id);
    } catch (error) {
      toastError(error);
    } finally {
      setStarting(false);
    }
  };
  const reset = () => {
    setFile(null);
    setJobId(null);
  };
  const again = (
    <Button type="primary" onClick={reset}>
      导入另一份台账
    </Button>
  );

  if (job?.status === 'succeeded' && job.result)
    return (
      <Result status="success" title="台账导入完成" extra={again}>
        <Counts result={job.result} />
      </Result>
    );

  const running = jobId !== null && (job === null || job.status === 'running');
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        导入其他层级或 <Typography.Text code>npx lianxin export</Typography.Text> 导出的工作台账（JSON
        文件）。导入在后台进行，期间可以继续使用系统；有任何一条记录不合格时整份不导入，并列出每处问题。
      </Typography.Paragraph>
      <Flex gap={8} wrap align="center">
        <Upload
          accept=".json,application/json"
          maxCount={1}
          showUploadList={false}
          disabled={running}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setJobId(null);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={running}>
            选择台账文件
          </Button>
        </Upload>
        <Button type="primary" onClick={() => void start()} disabled={!file || running} loading={starting}>
          开始导入
        </Button>
        {file ? (
          <Typography.Text>
            {file.name}（{sizeText(file.size)}）
          </Typography.Text>
        ) : null}
      </Flex>
      {running ? (
        <div aria-live="polite">
          <Progress percent={job?.percent ?? 0} status="active" />
          <Typography.Text type="secondary">
            {job
              ? `${importPhaseLabels[job.phase]}：${job.done.toLocaleString()} / ${job.total.toLocaleString()}`
              : '上传中…'}
          </Typography.Text>
        </div>
      ) : null}
      {job && (job.status === 'rejected' || job.status === 'failed') ? (
        <>
          <Alert
            type="error"
            showIcon
            title={job.status === 'rejected' ? '台账有误，未导入任何数据' : '导入失败，未导入任何数据'}
            description={job.error?.error.messageZh}
            action={again}
          />
          {job.error?.problems?.length ? (
            <Table<TLedgerProblem>
              size="small"
              rowKey={(p) => `${p.collection}-${p.id}-${p.field}-${p.message}`}
              columns={problemColumns}
              dataSource={job.error.problems}
              scroll={{ x: 700 }}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            />
          ) : null}
        </>
      ) : null}
    </Flex>
  );
}
