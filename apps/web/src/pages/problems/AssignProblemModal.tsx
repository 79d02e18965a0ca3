import type { TActivitySummary } from '@lianxin/contracts';
import { DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/endpoints.ts';
import { CadreSelect } from '../../components/CadreSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { toastSuccess } from '../../feedback.ts';

interface Values {
  assignee?: string | null;
  dueOn?: Dayjs | null;
}

/** 交办: who follows a problem up (a cadre, who may then move its status) and by when. */
export function AssignProblemModal({
  problem,
  assigneeName,
  onClose,
  onDone,
}: {
  problem: TActivitySummary | null;
  assigneeName?: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      title="交办问题"
      open={problem !== null}
      onClose={onClose}
      form={form}
      fields={['assignee', 'dueOn']}
      initialValues={{
        assignee: problem?.assignee ?? null,
        dueOn: problem?.dueOn ? dayjs(problem.dueOn) : null,
      }}
      onSubmit={async (v) => {
        if (!problem) return;
        await api.activities.update(problem.id, {
          assignee: v.assignee ?? null,
          dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
        });
        toastSuccess('已交办');
        onDone();
      }}
    >
      <Typography.Paragraph>{problem?.title ?? problem?.note ?? ''}</Typography.Paragraph>
      <Form.Item name="assignee" label="责任人（团干部）">
        <CadreSelect
          allowClear
          initial={problem?.assignee && assigneeName ? [{ id: problem.assignee, name: assigneeName }] : []}
        />
      </Form.Item>
      <Form.Item name="dueOn" label="办理期限">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
