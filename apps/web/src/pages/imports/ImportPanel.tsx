import { CheckCircleOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { TImportResult } from '@lianxin/contracts';
import { Alert, Button, Flex, Result, Steps, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api, type TImportKind } from '../../api/endpoints.ts';
import { toastError, zhPart } from '../../feedback.ts';

type TRowError = TImportResult['errors'][number];

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const errorColumns = [
  { title: '行号', dataIndex: 'row', width: 80 },
  { title: '列', dataIndex: 'column', width: 160 },
  { title: '原因', dataIndex: 'reason', render: (reason: string) => zhPart(reason) },
];

/**
 * 下载模板 → 选择文件 → 预览 (commit=false) → 导入 (commit=true, only after a clean preview).
 * `parent`: the organization that receives imported grassroots organizations; `cadre`: the cadre
 * whose list receives imported contacts (the caller's own when absent).
 */
export function ImportPanel({
  kind,
  noun,
  parent,
  cadre,
  onImported,
}: {
  kind: TImportKind;
  noun: string;
  parent?: { id: string; name: string };
  cadre?: string;
  onImported?: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TImportResult | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const parentId = parent?.id;
  const needsParent = kind === 'organizations';

  // A preview is only good for the file and the target it was made for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the target changes.
  useEffect(() => {
    setPreview(null);
  }, [parentId, cadre]);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
  };

  const send = async (commit: boolean) => {
    if (!file) return;
    setBusy(commit ? 'commit' : 'preview');
    try {
      const answer = await api.imports.upload(
        kind,
        file,
        commit,
        needsParent ? { parent: parentId } : { cadre },
      );
      if (commit && answer.committed) {
        setResult(answer);
        onImported?.();
      } else setPreview(answer);
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(null);
    }
  };

  if (result) {
    return (
      <Result
        status="success"
        title={`导入完成：新增 ${result.created} 条${noun}`}
        subTitle={`共 ${result.rows} 行`}
        extra={
          <Button type="primary" onClick={reset}>
            继续导入
          </Button>
        }
      />
    );
  }

  const clean = preview?.ok === true && preview.errors.length === 0;
  const step = clean ? 3 : preview ? 2 : file ? 1 : 0;

  return (
    <Flex vertical gap={16}>
      <Steps
        current={step}
        size="small"
        items={[{ title: '下载模板' }, { title: '选择文件' }, { title: '预览' }, { title: '导入' }]}
      />
      {needsParent ? (
        <Typography.Text>
          导入到：<Typography.Text strong>{parent?.name ?? '（请先在左侧选择组织）'}</Typography.Text>
          <Typography.Text type="secondary">（在左侧组织树中切换）</Typography.Text>
        </Typography.Text>
      ) : null}
      <Flex gap={8} wrap align="flex-start">
        <Button icon={<DownloadOutlined />} href={api.imports.templateUrl(kind)} download>
          下载模板
        </Button>
        <Upload
          accept={XLSX}
          maxCount={1}
          showUploadList={false}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setPreview(null);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
        <Button
          onClick={() => void send(false)}
          disabled={!file || (needsParent && !parentId)}
          loading={busy === 'preview'}
        >
          预览校验
        </Button>
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          onClick={() => void send(true)}
          disabled={!clean}
          loading={busy === 'commit'}
        >
          确认导入
        </Button>
      </Flex>
      {file ? (
        <Typography.Text>
          已选择文件：<Typography.Text strong>{file.name}</Typography.Text>（{Math.ceil(file.size / 1024)}{' '}
          KB）
        </Typography.Text>
      ) : null}
      {preview && clean ? <Alert type="success" showIcon title={`共 ${preview.rows} 行，校验通过`} /> : null}
      {preview && !clean ? (
        <>
          <Alert
            type="error"
            showIcon
            title={`共 ${preview.rows} 行，发现 ${preview.errors.length} 处问题，未导入任何数据`}
            description="请按下表修改文件后重新选择文件并预览。"
          />
          <Table<TRowError>
            size="small"
            rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
            columns={errorColumns}
            dataSource={preview.errors}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          />
        </>
      ) : null}
    </Flex>
  );
}
