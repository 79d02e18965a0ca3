import type { TContactPoint } from '@lianxin/contracts';
import { DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/endpoints.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { toastSuccess } from '../../feedback.ts';
import { holderName } from './points.ts';

/** 结束: the tenure ends on the chosen day (included). */
export function EndPointModal({
  point,
  onClose,
  onDone,
}: {
  point: TContactPoint | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ to: Dayjs }>();
  return (
    <FormModal<{ to: Dayjs }>
      title="结束联系点"
      open={point !== null}
      onClose={onClose}
      form={form}
      fields={['to']}
      okText="结束"
      initialValues={{ to: dayjs() }}
      onSubmit={async (v) => {
        if (!point) return;
        await api.points.end(point.id, v.to.format('YYYY-MM-DD'));
        toastSuccess('联系点已结束');
        onDone();
      }}
    >
      <Typography.Paragraph>
        {point ? `${holderName(point)} 联系 ${point.orgName}，自 ${point.from} 起。` : null}
      </Typography.Paragraph>
      <Form.Item name="to" label="结束日期（含当日）" rules={[{ required: true, message: '请选择结束日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
