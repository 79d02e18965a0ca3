import { roleLabels, type TAccount, type TRole } from '@lianxin/contracts';
import { Form, Input, Select } from 'antd';
import type { TOrgPathItem } from '../../api/endpoints.ts';
import { api } from '../../api/endpoints.ts';
import { CadreSelect } from '../../components/CadreSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { toastSuccess } from '../../feedback.ts';

interface Values {
  username: string;
  role: TRole;
  scopeOrgId?: string | null;
  cadreId?: string | null;
  password: string;
}

const FIELDS = ['username', 'role', 'scopeOrgId', 'cadreId', 'password'] as const;

export const PASSWORD_HINT =
  '至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类；对方首次登录时须修改';

export function CreateAccountModal({
  callerRole,
  currentOrg,
  open,
  onClose,
  onDone,
}: {
  callerRole: TRole;
  currentOrg: TOrgPathItem;
  open: boolean;
  onClose: () => void;
  onDone: (account: TAccount) => void;
}) {
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const scopeOrgId = Form.useWatch('scopeOrgId', form);
  const roles: TRole[] =
    callerRole === 'system_admin'
      ? ['system_admin', 'org_admin', 'leader', 'cadre']
      : ['org_admin', 'leader', 'cadre'];

  const onSubmit = async (v: Values) => {
    const created = await api.accounts.create({
      username: v.username.trim(),
      role: v.role,
      // A cadre account's scope is its cadre's organization: the server derives it.
      scopeOrgId: v.role === 'org_admin' || v.role === 'leader' ? (v.scopeOrgId ?? null) : null,
      cadreId: v.cadreId ?? null,
      password: v.password,
    });
    toastSuccess(`已新增账号 ${created.username}`);
    onDone(created);
  };

  return (
    <FormModal<Values>
      title="新增账号"
      okText="创建账号"
      open={open}
      onClose={onClose}
      form={form}
      fields={FIELDS}
      onSubmit={onSubmit}
      initialValues={{ role: 'org_admin', scopeOrgId: currentOrg.id }}
    >
      <Form.Item
        label="用户名"
        name="username"
        rules={[
          { required: true, whitespace: true, message: '请输入用户名' },
          { pattern: /^[A-Za-z0-9_.-]{3,40}$/, message: '用户名为 3–40 位字母、数字、点、横线或下划线' },
        ]}
      >
        <Input autoComplete="off" maxLength={40} />
      </Form.Item>
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={roles.map((r) => ({ value: r, label: roleLabels[r] }))} />
      </Form.Item>
      {role === 'org_admin' || role === 'leader' ? (
        <Form.Item label="管辖组织" name="scopeOrgId" rules={[{ required: true, message: '请选择管辖组织' }]}>
          <OrgSelect initial={[currentOrg]} />
        </Form.Item>
      ) : null}
      <Form.Item
        label="关联团干部"
        name="cadreId"
        extra={role === 'cadre' ? '团干部账号须关联本人的团干部档案' : '选填'}
        rules={[{ required: role === 'cadre', message: '请选择关联的团干部' }]}
      >
        <CadreSelect orgId={scopeOrgId ?? currentOrg.id} allowClear />
      </Form.Item>
      <Form.Item
        label="初始密码"
        name="password"
        extra={PASSWORD_HINT}
        rules={[
          { required: true, message: '请输入初始密码' },
          { min: 8, message: '密码至少 8 位' },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
