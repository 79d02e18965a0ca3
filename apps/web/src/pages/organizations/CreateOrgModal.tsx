import {
  orgFieldLabels,
  orgLevelLabels,
  type TOrganization,
  type TOrgField,
  type TOrgLevel,
} from '@lianxin/contracts';
import { Form, Input, Select } from 'antd';
import { api } from '../../api/endpoints.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { toastSuccess } from '../../feedback.ts';
import { childLevels } from './levels.ts';

interface Values {
  name: string;
  shortName?: string;
  level: TOrgLevel;
  field?: TOrgField;
  divisionCode?: string;
}

const FIELDS = ['name', 'shortName', 'level', 'field', 'divisionCode'] as const;

export const fieldOptions = Object.entries(orgFieldLabels).map(([value, label]) => ({ value, label }));

export function CreateOrgModal({
  parent,
  open,
  onClose,
  onDone,
}: {
  parent: TOrganization;
  open: boolean;
  onClose: () => void;
  onDone: (org: TOrganization) => void;
}) {
  const [form] = Form.useForm<Values>();
  const level = Form.useWatch('level', form);
  const levels = childLevels(parent.level);

  const onSubmit = async (v: Values) => {
    const created = await api.orgs.create({
      name: v.name.trim(),
      shortName: v.shortName?.trim() || undefined,
      level: v.level,
      parentId: parent.id,
      divisionCode: v.divisionCode?.trim() || undefined,
      field: v.level === 'grassroots' ? v.field : undefined,
    });
    toastSuccess(`已新增下级组织「${created.name}」`);
    onDone(created);
  };

  return (
    <FormModal<Values>
      title={`新增下级组织 · ${parent.name}`}
      open={open}
      onClose={onClose}
      form={form}
      fields={FIELDS}
      onSubmit={onSubmit}
      initialValues={{ level: levels[0] }}
    >
      <Form.Item
        label="组织名称"
        name="name"
        rules={[
          { required: true, whitespace: true, message: '请输入组织全称' },
          { min: 2, max: 100, message: '名称为 2–100 个字' },
        ]}
      >
        <Input placeholder="团组织全称" maxLength={100} />
      </Form.Item>
      <Form.Item label="简称" name="shortName" rules={[{ max: 50, message: '简称不超过 50 个字' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label="组织级别" name="level" rules={[{ required: true, message: '请选择组织级别' }]}>
        <Select options={levels.map((l) => ({ value: l, label: orgLevelLabels[l] }))} />
      </Form.Item>
      {level === 'grassroots' ? (
        <Form.Item label="领域" name="field" rules={[{ required: true, message: '请选择基层组织所属领域' }]}>
          <Select options={fieldOptions} placeholder="请选择" />
        </Form.Item>
      ) : null}
      <Form.Item
        label="行政区划代码"
        name="divisionCode"
        extra="选填，6 位数字"
        rules={[{ pattern: /^\d{6}$/, message: '行政区划代码应为 6 位数字' }]}
      >
        <Input inputMode="numeric" maxLength={6} />
      </Form.Item>
    </FormModal>
  );
}
