import type { TPostingProgramKind, TProgramSuggestion } from '@lianxin/contracts';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import type { TOrganizationDetail } from '../../api/endpoints.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { toastSuccess } from '../../feedback.ts';
import { kindLabels, postingsApi } from './postingsApi.ts';

interface NewProgram {
  name: string;
  kind: TPostingProgramKind;
  starts: Dayjs[];
}

const DATE = 'YYYY-MM-DD';

function valuesOf(s: TProgramSuggestion): NewProgram {
  return { name: s.name, kind: s.kind, starts: s.batches.map((b) => dayjs(b.start, DATE)) };
}

/**
 * 新建下沉计划 at the current organization: only the kinds its level may run, each filled with the
 * server's defaults (batches after today that its organ cadres can fill), so the first plan publishes.
 */
export function NewProgramModal({
  org,
  suggestions,
  open,
  onClose,
}: {
  org: TOrganizationDetail;
  suggestions: TProgramSuggestion[];
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<NewProgram>();
  const navigate = useNavigate();
  const kind = Form.useWatch('kind', form);
  const chosen = suggestions.find((s) => s.kind === kind) ?? suggestions[0];
  const first = suggestions[0];

  const create = async (v: NewProgram) => {
    const starts = [...v.starts].sort((a, b) => a.valueOf() - b.valueOf());
    const program = await postingsApi.createProgram({
      name: v.name,
      kind: v.kind,
      orgId: org.id,
      organIds: [org.id],
      batches: starts.map((d, i) => ({ name: `第${i + 1}批`, start: d.format(DATE) })),
    });
    toastSuccess('已新建下沉计划');
    navigate(`/postings/${encodeURIComponent(program.id)}`);
  };

  return (
    <FormModal<NewProgram>
      title={`新建下沉计划：派出 ${org.name} 的机关干部`}
      open={open}
      onClose={onClose}
      form={form}
      fields={['name', 'kind', 'starts']}
      aliases={{ batches: 'starts', organIds: 'kind' }}
      onSubmit={create}
      initialValues={first ? valuesOf(first) : undefined}
      okText="新建"
    >
      <Form.Item name="kind" label="类型">
        <Select
          options={suggestions.map((s) => ({ value: s.kind, label: kindLabels[s.kind] }))}
          onChange={(k: TPostingProgramKind) => {
            const s = suggestions.find((x) => x.kind === k);
            if (s) form.setFieldsValue(valuesOf(s));
          }}
        />
      </Form.Item>
      <Form.Item name="name" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="starts"
        label="各批开始日期"
        extra={chosen ? `已按本组织情况预填。${chosen.hint}` : undefined}
        rules={[{ required: true, message: '请至少选择一个批次的开始日期' }]}
      >
        <DatePicker
          multiple
          style={{ width: '100%' }}
          format={DATE}
          placeholder="点选每批的开始日期"
          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
        />
      </Form.Item>
    </FormModal>
  );
}
