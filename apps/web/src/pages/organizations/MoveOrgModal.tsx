import type { TOrganization } from '@lianxin/contracts';
import { Form, Typography } from 'antd';
import { api } from '../../api/endpoints.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { toastSuccess } from '../../feedback.ts';

interface Values {
  parentId: string;
}

/** Move an organization (with its subtree) under another parent. */
export function MoveOrgModal({
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
    const moved = await api.orgs.update(org.id, { parentId: v.parentId });
    toastSuccess(`已移动「${moved.name}」`);
    onDone(moved);
  };

  return (
    <FormModal<Values>
      title="移动组织"
      okText="确认移动"
      open={open}
      onClose={onClose}
      form={form}
      fields={['parentId']}
      onSubmit={onSubmit}
    >
      <Typography.Paragraph>将「{org.name}」及其全部下级组织移动到新的上级组织下。</Typography.Paragraph>
      <Form.Item
        label="新的上级组织"
        name="parentId"
        rules={[
          { required: true, message: '请选择新的上级组织' },
          {
            validator: (_, value) =>
              value && value === org.parentId
                ? Promise.reject(new Error('已在该组织之下'))
                : Promise.resolve(),
          },
        ]}
      >
        <OrgSelect exclude={[org.id]} />
      </Form.Item>
    </FormModal>
  );
}
