import type { TContactPoint } from '@lianxin/contracts';
import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/endpoints.ts';
import { CadreSelect } from '../../components/CadreSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { toastSuccess } from '../../feedback.ts';
import { holderName } from './points.ts';

interface Values {
  successorCadreId: string;
  on: Dayjs;
  handoverNote: string;
}

/** 轮换: the successor takes the point on `on`; the handover note travels with the ledger. */
export function RotatePointModal({
  point,
  onClose,
  onDone,
}: {
  point: TContactPoint | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      title="轮换联系人"
      open={point !== null}
      onClose={onClose}
      form={form}
      fields={['successorCadreId', 'on', 'handoverNote']}
      okText="轮换"
      initialValues={{ on: dayjs() }}
      onSubmit={async (v) => {
        if (!point) return;
        await api.points.rotate(point.id, {
          successorCadreId: v.successorCadreId,
          on: v.on.format('YYYY-MM-DD'),
          handoverNote: v.handoverNote,
        });
        toastSuccess('已轮换，交接说明已存入台账');
        onDone();
      }}
    >
      <Typography.Paragraph>
        {point ? `${point.orgName}：现由 ${holderName(point)} 联系（${point.from} 起）。` : null}
        轮换后前任的任期截至交接日前一天，台账（工作记录、联系青年、问题和附件）随联系点移交。
      </Typography.Paragraph>
      <Form.Item
        name="successorCadreId"
        label="接任团干部"
        rules={[{ required: true, message: '请选择接任者' }]}
      >
        <CadreSelect />
      </Form.Item>
      <Form.Item name="on" label="交接日期" rules={[{ required: true, message: '请选择交接日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="handoverNote"
        label="交接说明"
        rules={[{ required: true, whitespace: true, message: '请填写交接说明' }]}
      >
        <Input.TextArea
          rows={5}
          maxLength={20000}
          placeholder="联系点基本情况、在办事项、重点青年、注意事项"
        />
      </Form.Item>
    </FormModal>
  );
}
