import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Tag } from 'antd';
import { useRef, useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { api } from '../../api/endpoints.ts';
import { Panel, Txt } from '../../components/plain.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { attempt } from './attempt.ts';
import { filingStateLabels } from './labels.ts';

// what the attachment store takes (JPEG, PNG, PDF, DOCX, XLSX)
const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';

const upload = (activityId: string, f: File) =>
  attempt(() => api.activities.upload(activityId, f), '报告文件已上传');

/**
 * A button that opens the system's file chooser and hands the file over, sending nothing itself: the
 * file goes to the report's activity. The browser's own input, not antd's `Upload` (its list and
 * progress bar are 16 kB gzip more on the first load).
 */
function ReportFileButton({ label, onFile }: { label: string; onFile: (f: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <span>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = ''; // the same file chosen again still counts
          if (f) onFile(f);
        }}
      />
      <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </span>
  );
}

/** The file chosen for the report, to be sent with it, and a button to drop it (antd's upload list). */
function ChosenFile({ file, onRemove }: { file: File; onRemove: () => void }) {
  return (
    <Flex align="center" gap={8}>
      <PaperClipOutlined />
      <Txt
        style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        {file.name}
      </Txt>
      <Button
        type="text"
        size="small"
        icon={<DeleteOutlined />}
        aria-label="删除文件"
        title="删除文件"
        onClick={onRemove}
      />
    </Flex>
  );
}

/**
 * 调查研究 on the phone: the topic set in the task list and the report by its deadline — the words
 * here, the file as an attachment of the research_report activity the report is logged as.
 */
export function ResearchCard({ year, cadreId }: { year: number; cadreId: string }) {
  const research = useLoad(() => annualApi.research.get(year, cadreId), [year, cadreId]);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const r = research.data;

  async function submit() {
    setBusy(true);
    const filed = await attempt(
      () => annualApi.research.submit(year, cadreId, { title: title.trim(), text: text.trim() }),
      '调研报告已提交',
    );
    if (filed?.report && file) await upload(filed.report.activityId, file);
    setBusy(false);
    research.reload();
  }

  return (
    <Panel title="调研报告" role="region" aria-label="调研报告">
      {research.error ? <Alert type="error" showIcon title={research.error} /> : null}
      {r ? (
        <Flex vertical gap={8}>
          <Txt>调研课题：{r.topic || '（在任务清单“调查研究”中确定）'}</Txt>
          <Txt type="secondary">
            截止 {r.due ?? '—'}{' '}
            <Tag color={filingStateLabels[r.state].color}>{filingStateLabels[r.state].text}</Tag>
          </Txt>
          {r.posting ? (
            <Alert
              type="success"
              showIcon
              title={`已参加常态化下沉基层（派驻${r.posting.orgName}，${r.posting.from} 至 ${r.posting.to}），个人工作总结 ${r.posting.submittedOn} 已提交，视同完成当年调查研究`}
            />
          ) : null}
          {r.report ? (
            <>
              <Txt>
                已提交：{r.report.title}（{r.report.date}，附件 {r.report.attachmentCount} 个）
              </Txt>
              <ReportFileButton
                label={r.report.attachmentCount > 0 ? '再上传文件' : '上传报告文件'}
                onFile={async (f) => {
                  if (r.report) await upload(r.report.activityId, f);
                  research.reload();
                }}
              />
            </>
          ) : (
            <>
              <Input
                aria-label="调研报告标题"
                placeholder="报告标题"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
              <Input.TextArea
                aria-label="调研报告正文"
                rows={6}
                placeholder="报告正文（也可只上传文件）"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <ReportFileButton label="选择报告文件" onFile={setFile} />
              {file ? <ChosenFile file={file} onRemove={() => setFile(null)} /> : null}
              <Button type="primary" block loading={busy} disabled={!title.trim()} onClick={submit}>
                提交调研报告
              </Button>
            </>
          )}
        </Flex>
      ) : null}
    </Panel>
  );
}
