import type { TCreateContactPointRequest } from '@lianxin/contracts';
import { DatePicker, Form, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type TOrganizationDetail } from '../../api/endpoints.ts';
import { CadreSelect } from '../../components/CadreSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { toastSuccess } from '../../feedback.ts';
import { RegistrationFields } from './RegistrationFields.tsx';

/** Who holds the point: a cadre, or an organ of the committee (本部门、本单位的联系点, decision 6). */
type HolderKind = 'cadre' | 'organ';

interface Values {
  holderKind: HolderKind;
  cadreId?: string;
  holderOrgId?: string;
  orgId: string;
  from: Dayjs;
  category?: TCreateContactPointRequest['category'];
  topic?: string;
  showcase?: boolean;
}

const fields = ['cadreId', 'holderOrgId', 'orgId', 'from', 'category', 'topic', 'showcase'] as const;

/** 新增联系点, with the registration fields of the 联系点登记表 (类别, 联系主题, 示范点). */
export function CreatePointModal({
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
  const holderKind = Form.useWatch('holderKind', form) ?? 'cadre';
  return (
    <FormModal<Values>
      title="新增联系点"
      open={open}
      onClose={onClose}
      form={form}
      fields={fields}
      initialValues={{ holderKind: 'cadre', from: dayjs(), showcase: false }}
      onSubmit={async (v) => {
        await api.points.create({
          ...(v.holderKind === 'organ' ? { holderOrgId: v.holderOrgId } : { cadreId: v.cadreId }),
          orgId: v.orgId,
          from: v.from.format('YYYY-MM-DD'),
          ...(v.category ? { category: v.category } : {}),
          ...(v.topic?.trim() ? { topic: v.topic.trim() } : {}),
          showcase: v.showcase ?? false,
        });
        toastSuccess('联系点已新增');
        onDone();
      }}
    >
      <Form.Item name="holderKind" label="联系主体">
        <Segmented<HolderKind>
          options={[
            { value: 'cadre', label: '团干部' },
            { value: 'organ', label: '机关部门/单位' },
          ]}
        />
      </Form.Item>
      {holderKind === 'organ' ? (
        <Form.Item
          name="holderOrgId"
          label="联系的部门或单位"
          rules={[{ required: true, message: '请选择部门或单位' }]}
        >
          <OrgSelect initial={[org]} placeholder="搜索组织" />
        </Form.Item>
      ) : (
        <Form.Item name="cadreId" label="联系的团干部" rules={[{ required: true, message: '请选择团干部' }]}>
          <CadreSelect />
        </Form.Item>
      )}
      <Form.Item
        name="orgId"
        label="联系点（县级团委或基层团组织）"
        rules={[{ required: true, message: '请选择联系点组织' }]}
      >
        <OrgSelect initial={[org]} placeholder="搜索县级或基层团组织" />
      </Form.Item>
      <Form.Item name="from" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <RegistrationFields />
    </FormModal>
  );
}
