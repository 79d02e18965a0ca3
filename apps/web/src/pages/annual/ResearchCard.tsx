import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { filingStateLabels } from './labels.ts';

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
    try {
      const filed = await annualApi.research.submit(year, cadreId, {
        title: title.trim(),
        text: text.trim(),
      });
      if (file && filed.report) await api.activities.upload(filed.report.activityId, file);
      toastSuccess('调研报告已提交');
      research.reload();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
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
          {r.report ? (
            <Typography.Text>
              已提交：{r.report.title}（{r.report.date}，附件 {r.report.attachmentCount} 个）
            </Typography.Text>
          ) : (
            <>
              <Input
                aria-label="报告标题"
                placeholder="报告标题"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
              <Input.TextArea
                aria-label="报告正文"
                rows={6}
                placeholder="报告正文（也可只上传文件）"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <Upload
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  return false; // uploaded after the report, to its activity
                }}
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
