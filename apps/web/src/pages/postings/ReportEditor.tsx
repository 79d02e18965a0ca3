import type { TPostingReport } from '@lianxin/contracts';
import { Button, Flex, Input, Popconfirm, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Panel, Txt } from '../../components/plain.tsx';
import { toastError, toastSuccess } from '../../feedback.ts';

const statusTags = {
  new: <Tag>未保存（系统草稿）</Tag>,
  draft: <Tag color="blue">草稿</Tag>,
  submitted: <Tag color="green">已提交</Tag>,
} as const;

/** A report or summary: the figures from the log, the text (drafted from them), 保存草稿 and 提交. */
export function ReportEditor({
  title,
  report,
  editable,
  save,
  onSaved,
}: {
  title: string;
  report: TPostingReport;
  editable: boolean;
  save: (body: string, submit: boolean) => Promise<TPostingReport>;
  onSaved: (r: TPostingReport) => void;
}) {
  const [body, setBody] = useState(report.body);
  const [busy, setBusy] = useState(false);
  useEffect(() => setBody(report.body), [report.body]);
  const open = editable && report.status !== 'submitted';
  const f = report.figures;

  const run = async (submit: boolean) => {
    setBusy(true);
    try {
      onSaved(await save(body, submit));
      toastSuccess(submit ? '已提交' : '草稿已保存');
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title={title} extra={statusTags[report.status]}>
      <Txt type="secondary" style={{ display: 'block', marginBottom: '1em' }}>
        工作日志：结识青年 {f.friends} 人 · 办实事 {f.practical.length} 件 · 典型案例 {f.cases.length} 个 ·
        推动工作 {f.workPushed.length} 项
      </Txt>
      <Input.TextArea
        aria-label={title}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        autoSize={{ minRows: 8, maxRows: 24 }}
        readOnly={!open}
      />
      {open ? (
        <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }}>
          <Button loading={busy} onClick={() => void run(false)}>
            保存草稿
          </Button>
          <Popconfirm title="提交后不能再修改，确定提交？" onConfirm={() => void run(true)}>
            <Button type="primary" loading={busy}>
              提交
            </Button>
          </Popconfirm>
        </Flex>
      ) : null}
    </Panel>
  );
}
