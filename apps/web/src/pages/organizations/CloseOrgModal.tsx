import type { TOrganization } from '@lianxin/contracts';
import { Alert, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/endpoints.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { toastSuccess } from '../../feedback.ts';

interface Values {
  closedOn: Dayjs;
}

/** 撤销: close an organization as of a date (it stays in the records, out of the tree). */
export function CloseOrgModal({
  org,
  open,
  onClose,
  onDone,
}: {
  org: TOrganization;
  open: boolean;
  onClose: () => void;
  onDone: (org: TOrganization) => void;
}) {
  const [form] = Form.useForm<Values>();

  const onSubmit = async (v: Values) => {
    const closed = await api.orgs.close(org.id, v.closedOn.format('YYYY-MM-DD'));
    toastSuccess(`已撤销「${closed.name}」`);
    onDone(closed);
  };

  return (
    <FormModal<Values>
      title="撤销组织"
      okText="确认撤销"
      open={open}
      onClose={onClose}
      form={form}
      fields={['closedOn']}
      onSubmit={onSubmit}
      initialValues={{ closedOn: dayjs() }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`撤销「${org.name}」后，它不再出现在组织树中，历史记录予以保留。`}
      />
      <Form.Item label="撤销日期" name="closedOn" rules={[{ required: true, message: '请选择撤销日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
