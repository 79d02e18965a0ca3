import type { TSelfCheckContent } from '@lianxin/contracts';
import { Alert, Button, Card, Flex, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { ApiError } from '../../api/client.ts';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { filingStateLabels, filingStatusLabels } from './labels.ts';

/** 半年自查报告: figures counted from the log beside the year's targets; the cadre writes the words. */
export function SelfCheckCard({ year, cadreId }: { year: number; cadreId: string }) {
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = useLoad(async () => {
    const filed = await annualApi.selfCheck.get(year, cadreId).catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    });
    const content: TSelfCheckContent = filed?.content ?? (await annualApi.selfCheck.draft(year, cadreId));
    setText(content.text);
    return { filed, content };
  }, [year, cadreId]);
  const filed = loaded.data?.filed ?? null;
  const locked = filed?.status === 'submitted' || filed?.status === 'accepted';

  async function save(submit: boolean) {
    setBusy(true);
    try {
      await annualApi.selfCheck.save(year, cadreId, text ?? '');
      if (submit) await annualApi.selfCheck.submit(year, cadreId);
      toastSuccess(submit ? '自查报告已提交' : '已保存');
      loaded.reload();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title="半年自查报告" loading={loaded.loading && !loaded.data}>
      {loaded.error ? <Alert type="error" showIcon title={loaded.error} /> : null}
      {filed ? (
        <Flex gap={8} style={{ marginBottom: 8 }}>
          <Tag>{filingStatusLabels[filed.status]}</Tag>
          <Tag color={filingStateLabels[filed.state].color}>{filingStateLabels[filed.state].text}</Tag>
        </Flex>
      ) : null}
      <Table
        size="small"
        rowKey="type"
        pagination={false}
        dataSource={loaded.data?.content.figures ?? []}
        columns={[
          { title: '项目（据工作日志）', dataIndex: 'label' },
          { title: '完成', dataIndex: 'done', width: 60 },
          { title: '全年要求', dataIndex: 'required', width: 80, render: (r: number | null) => r ?? '—' },
        ]}
      />
      <Input.TextArea
        aria-label="自查报告正文"
        style={{ marginTop: 8 }}
        autoSize={{ minRows: 6 }}
        disabled={locked || busy}
        value={text ?? ''}
        onChange={(e) => setText(e.target.value)}
      />
      {locked ? null : (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Button onClick={() => save(false)} loading={busy}>
            保存
          </Button>
          <Button type="primary" onClick={() => save(true)} loading={busy}>
            提交
          </Button>
        </Flex>
      )}
    </Card>
  );
}
