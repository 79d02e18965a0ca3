import type { TOrganization, TOrgField } from '@lianxin/contracts';
import { Form, Input, Select } from 'antd';
import { api } from '../../api/endpoints.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { toastSuccess } from '../../feedback.ts';
import { fieldOptions } from './CreateOrgModal.tsx';

interface Values {
  name: string;
  shortName?: string;
  field?: TOrgField;
}

const FIELDS = ['name', 'shortName', 'field'] as const;

/** Rename (全称, 简称) and, for a grassroots organization, change its field. */
export function RenameOrgModal({
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
  const grassroots = org.level === 'grassroots';

  const onSubmit = async (v: Values) => {
    const updated = await api.orgs.update(org.id, {
      name: v.name.trim(),
      shortName: v.shortName?.trim() || null,
      ...(grassroots && v.field ? { field: v.field } : {}),
    });
    toastSuccess('组织信息已保存');
    onDone(updated);
  };

  return (
    <FormModal<Values>
      title="重命名组织"
      open={open}
      onClose={onClose}
      form={form}
      fields={FIELDS}
      onSubmit={onSubmit}
      initialValues={{ name: org.name, shortName: org.shortName ?? undefined, field: org.field ?? undefined }}
    >
      <Form.Item
        label="组织名称"
        name="name"
        rules={[
          { required: true, whitespace: true, message: '请输入组织全称' },
          { min: 2, max: 100, message: '名称为 2–100 个字' },
        ]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="简称" name="shortName" rules={[{ max: 50, message: '简称不超过 50 个字' }]}>
        <Input maxLength={50} />
      </Form.Item>
      {grassroots ? (
        <Form.Item label="领域" name="field">
          <Select options={fieldOptions} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
