import type { THalfYearSlot } from '@lianxin/contracts';
import { Alert, Button, Flex, Form, Input, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ruleInputsApi } from '../../api/ruleInputs.ts';
import { toastError, toastSuccess } from '../../feedback.ts';

/**
 * A county writes its half-year report: the text, one file (PDF, Word, Excel or a photo), then 报送.
 * Saving keeps a draft; a returned report is corrected and sent again.
 */
export function HalfYearReportModal({
  slot,
  year,
  onClose,
  onDone,
}: {
  slot: THalfYearSlot;
  year: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const [body, setBody] = useState(slot.report?.body ?? '');
  const [fileName, setFileName] = useState(slot.report?.fileName ?? null);
  const [busy, setBusy] = useState(false);
  const args = [slot.org, year, slot.half] as const;
  const run = async (work: () => Promise<unknown>, text: string, close: boolean) => {
    setBusy(true);
    try {
      await work();
      toastSuccess(text);
      onDone();
      if (close) onClose();
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };
  const saveText = () => ruleInputsApi.halfYear.save(...args, body);
  return (
    <Modal
      open
      title={`${year} 年${slot.half === 1 ? '上' : '下'}半年工作情况报告`}
      onCancel={onClose}
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={onClose}>关闭</Button>
          <Button
            loading={busy}
            disabled={!body.trim()}
            onClick={() => void run(saveText, '已保存草稿', false)}
          >
            保存草稿
          </Button>
          <Button
            type="primary"
            loading={busy}
            disabled={!body.trim()}
            onClick={() =>
              void run(
                async () => {
                  await saveText();
                  await ruleInputsApi.halfYear.submit(...args);
                },
                '已报送上级团委',
                true,
              )
            }
          >
            报送
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        {slot.report?.status === 'returned' && slot.report.reviewComment ? (
          <Alert type="warning" showIcon message={`退回意见：${slot.report.reviewComment}`} />
        ) : null}
        <Form layout="vertical">
          <Form.Item label="报告正文" required>
            <Input.TextArea
              aria-label="报告正文"
              rows={8}
              maxLength={50_000}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          </Form.Item>
          <Form.Item label="报告文件" extra="PDF、Word、Excel 或图片，一份">
            <Upload
              accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
              showUploadList={false}
              beforeUpload={(file) => {
                void run(
                  async () => {
                    const saved = await ruleInputsApi.halfYear.upload(...args, file);
                    setFileName(saved.fileName);
                  },
                  '文件已上传',
                  false,
                );
                return false;
              }}
            >
              <Button loading={busy}>上传文件</Button>
            </Upload>
            {fileName ? <Typography.Text style={{ marginLeft: 8 }}>{fileName}</Typography.Text> : null}
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}
