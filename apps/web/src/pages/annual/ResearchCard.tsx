import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../components/useLoad.ts';
import { attempt } from './attempt.ts';
import { filingStateLabels } from './labels.ts';

// what the attachment store takes (JPEG, PNG, PDF, DOCX, XLSX)
const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';

/** Antd's Upload hands the file over and sends nothing itself: the file goes to the report's activity. */
const keep = (use: (f: File) => void) => (f: File) => {
  use(f);
  return false;
};

const upload = (activityId: string, f: File) =>
  attempt(() => api.activities.upload(activityId, f), '报告文件已上传');

function ReportFileButton({ label, onFile }: { label: string; onFile: (f: File) => void }) {
  return (
    <Upload accept={ACCEPT} showUploadList={false} beforeUpload={keep(onFile)}>
      <Button icon={<UploadOutlined />}>{label}</Button>
    </Upload>
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
    <Card size="small" title="调研报告">
      {research.error ? <Alert type="error" showIcon title={research.error} /> : null}
      {r ? (
        <Flex vertical gap={8}>
          <Typography.Text>调研课题：{r.topic || '（在任务清单“调查研究”中确定）'}</Typography.Text>
          <Typography.Text type="secondary">
            截止 {r.due ?? '—'}{' '}
            <Tag color={filingStateLabels[r.state].color}>{filingStateLabels[r.state].text}</Tag>
          </Typography.Text>
          {r.posting ? (
            <Alert
              type="success"
              showIcon
              title={`已参加常态化下沉基层（派驻${r.posting.orgName}，${r.posting.from} 至 ${r.posting.to}），个人工作总结 ${r.posting.submittedOn} 已提交，视同完成当年调查研究`}
            />
          ) : null}
          {r.report ? (
            <>
              <Typography.Text>
                已提交：{r.report.title}（{r.report.date}，附件 {r.report.attachmentCount} 个）
              </Typography.Text>
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
              <Upload
                maxCount={1}
                accept={ACCEPT}
                beforeUpload={keep(setFile)}
                onRemove={() => setFile(null)}
              >
                <Button icon={<UploadOutlined />}>选择报告文件</Button>
              </Upload>
              <Button type="primary" block loading={busy} disabled={!title.trim()} onClick={submit}>
                提交调研报告
              </Button>
            </>
          )}
        </Flex>
      ) : null}
    </Card>
  );
}
