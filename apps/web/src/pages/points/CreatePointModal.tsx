import type { TCreateContactPointRequest } from '@lianxin/contracts';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type TOrganizationDetail } from '../../api/endpoints.ts';
import { CadreSelect } from '../../components/CadreSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { toastSuccess } from '../../feedback.ts';
import { pointCategoryLabels } from '../worklog/labels.ts';

interface Values {
  cadreId: string;
  orgId: string;
  from: Dayjs;
  category?: TCreateContactPointRequest['category'];
  topic?: string;
}

const fields = ['cadreId', 'orgId', 'from', 'category', 'topic'] as const;

/** 新增联系点: a cadre takes a county or grassroots organization as their point. */
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
  return (
    <FormModal<Values>
      title="新增联系点"
      open={open}
      onClose={onClose}
      form={form}
      fields={fields}
      initialValues={{ from: dayjs() }}
      onSubmit={async (v) => {
        await api.points.create({
          cadreId: v.cadreId,
          orgId: v.orgId,
          from: v.from.format('YYYY-MM-DD'),
          ...(v.category ? { category: v.category } : {}),
          ...(v.topic?.trim() ? { topic: v.topic.trim() } : {}),
        });
        toastSuccess('联系点已新增');
        onDone();
      }}
    >
      <Form.Item name="cadreId" label="联系的团干部" rules={[{ required: true, message: '请选择团干部' }]}>
        <CadreSelect />
      </Form.Item>
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
      <Form.Item name="category" label="类别">
        <Select
          allowClear
          options={Object.entries(pointCategoryLabels).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item name="topic" label="联系主题">
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
