import { Button, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { DaySpanInput } from '../../components/nativeInputs.tsx';
import { toastError, toastSuccess } from '../../feedback.ts';
import { postingsApi } from './postingsApi.ts';

type Span = [Dayjs | null, Dayjs | null];

interface LeaveFields {
  reason: string;
  span: Span;
}

/** Both days given, the last not before the first (the system's pickers do not order them). */
async function checkSpan(_: unknown, span?: Span) {
  const [from, to] = span ?? [null, null];
  if (!from || !to) throw new Error('请选择日期');
  if (to.isBefore(from, 'day')) throw new Error('结束日期不能早于开始日期');
}

/** 申请请假 on a posting: a special reason and the days; `onAsked` once the server has it. */
export function LeaveForm({ postingId, onAsked }: { postingId: string; onAsked: () => void }) {
  const [form] = Form.useForm<LeaveFields>();
  const ask = async ({ reason, span: [from, to] }: LeaveFields) => {
    if (!from || !to) return;
    try {
      await postingsApi.requestLeave(postingId, {
        reason,
        from: from.format('YYYY-MM-DD'),
        to: to.format('YYYY-MM-DD'),
      });
      toastSuccess('请假申请已提交，等待审批');
      form.resetFields();
      onAsked();
    } catch (e) {
      toastError(e);
    }
  };
  return (
    <Form<LeaveFields> form={form} layout="vertical" onFinish={ask}>
      <Form.Item name="reason" label="特殊原因" rules={[{ required: true, message: '请写明特殊原因' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="span" label="请假日期" required rules={[{ validator: checkSpan }]}>
        <DaySpanInput />
      </Form.Item>
      <Button htmlType="submit">申请请假</Button>
    </Form>
  );
}
