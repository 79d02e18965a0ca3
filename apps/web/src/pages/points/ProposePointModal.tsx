import type { TPointProposalRequest } from '@lianxin/contracts';
import { Form, Input, Select } from 'antd';
import type { TOrganizationDetail } from '../../api/endpoints.ts';
import { ruleInputsApi } from '../../api/ruleInputs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { toastSuccess } from '../../feedback.ts';
import { RegistrationFields } from './RegistrationFields.tsx';

type Values = Omit<TPointProposalRequest, 'proposedBy'>;

const fields = ['to', 'org', 'category', 'topic', 'showcase', 'reason'] as const;

/** 推荐候选联系点: the current committee proposes one of its grassroots organizations to an organ above. */
export function ProposePointModal({
  open,
  org,
  onClose,
  onDone,
}: {
  open: boolean;
  org: TOrganizationDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const above = org.path.filter((o) => o.id !== org.id && o.level !== 'grassroots');
  return (
    <FormModal<Values>
      title="推荐候选联系点"
      okText="推荐"
      open={open}
      onClose={onClose}
      form={form}
      fields={fields}
      initialValues={{ to: above.at(-1)?.id, showcase: false }}
      onSubmit={async (v) => {
        await ruleInputsApi.proposals.propose({ ...v, proposedBy: org.id });
        toastSuccess('已推荐，待上级审批');
        onDone();
      }}
    >
      <Form.Item name="to" label="报送的上级团委" rules={[{ required: true, message: '请选择上级团委' }]}>
        <Select options={above.map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item
        name="org"
        label="推荐的基层团组织"
        rules={[{ required: true, message: '请选择基层团组织' }]}
      >
        <OrgSelect placeholder="搜索本级所属的基层团组织" />
      </Form.Item>
      <RegistrationFields suggested />
      <Form.Item name="reason" label="推荐理由">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
