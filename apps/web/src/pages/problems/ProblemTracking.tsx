import {
  problemDestinationLabels,
  type TLedgerActivity,
  type TProblemDestination,
  type TProblemPass,
} from '@lianxin/contracts';
import { Button, Card, DatePicker, Descriptions, Form, Input, Segmented, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ruleInputsApi } from '../../api/ruleInputs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { toastSuccess } from '../../feedback.ts';
import { useOptionalCurrentOrg } from '../../layout/CurrentOrgContext.tsx';

type Problem = Extract<TLedgerActivity, { type: 'problem' }>;
type Dialog = 'pass' | 'answer' | 'reply' | null;
type PassValues = Omit<TProblemPass, 'on' | 'dueOn'> & { on: Dayjs; dueOn?: Dayjs };
interface TextValues {
  text: string;
  on: Dayjs;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const destinations = Object.entries(problemDestinationLabels).map(([value, label]) => ({ value, label }));

/**
 * 跟踪 (seed 004 细则四.4): where the problem went (a committee above, a Party or government
 * department, a 两会 proposal), the answer received, and the reply given back to the youth, which
 * closes it. The server decides who may record each step.
 */
export function ProblemTracking({
  problem,
  editable,
  onChanged,
}: {
  problem: Problem;
  editable: boolean;
  onChanged: () => void;
}) {
  // the drawer opens on a cadre's own pages too, outside the admin layout: no path to offer there
  const currentOrg = useOptionalCurrentOrg()?.currentOrg;
  const committees = (currentOrg?.path ?? []).filter((o) => o.level !== 'grassroots');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [passForm] = Form.useForm<PassValues>();
  const [textForm] = Form.useForm<TextValues>();
  const to = Form.useWatch('to', passForm) ?? 'committee';
  const resolved = problem.status === 'resolved';
  const where =
    problem.passedTo === 'committee'
      ? (committees.find((o) => o.id === problem.passedToOrg)?.name ?? '上级团委')
      : problem.passedToUnit;
  const done = async (text: string) => {
    toastSuccess(text);
    onChanged();
  };
  return (
    <Card
      size="small"
      title="跟踪"
      extra={
        editable && !resolved ? (
          <Space wrap size={4}>
            <Button size="small" onClick={() => setDialog('pass')}>
              {problem.passedTo ? '重新转交' : '转交'}
            </Button>
            {problem.passedTo ? (
              <Button size="small" onClick={() => setDialog('answer')}>
                登记答复
              </Button>
            ) : null}
            <Button size="small" type="primary" onClick={() => setDialog('reply')}>
              回复青年
            </Button>
          </Space>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'passed',
            label: '转交',
            children: problem.passedTo
              ? `${problemDestinationLabels[problem.passedTo]}：${where ?? '—'}（${problem.passedOn ?? ''}）`
              : '未转交',
          },
          {
            key: 'answer',
            label: '答复',
            children: problem.answer ? `${problem.answer}（${problem.answeredOn ?? ''}）` : '—',
          },
          {
            key: 'reply',
            label: '回复青年',
            children: problem.reply ? `${problem.reply}（${problem.repliedOn ?? ''}）` : '—',
          },
        ]}
      />
      <FormModal<PassValues>
        title="转交问题"
        okText="转交"
        open={dialog === 'pass'}
        onClose={() => setDialog(null)}
        form={passForm}
        fields={['to', 'org', 'unit', 'on', 'dueOn']}
        initialValues={{ to: 'committee', on: dayjs(), org: committees.at(-2)?.id ?? committees.at(-1)?.id }}
        onSubmit={async ({ on, dueOn, org, unit, ...v }) => {
          await ruleInputsApi.problems.pass(problem.id, {
            ...v,
            ...(v.to === 'committee' ? { org } : { unit }),
            on: day(on),
            ...(dueOn ? { dueOn: day(dueOn) } : {}),
          });
          await done('已转交');
        }}
      >
        <Form.Item name="to" label="转交去向">
          <Segmented<TProblemDestination>
            options={destinations as { value: TProblemDestination; label: string }[]}
          />
        </Form.Item>
        {to === 'committee' ? (
          <Form.Item name="org" label="转交的团委" rules={[{ required: true, message: '请选择团委' }]}>
            <Select options={committees.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        ) : (
          <Form.Item
            name="unit"
            label={to === 'two_sessions' ? '提案名称' : '党政部门'}
            rules={[{ required: true, message: '请填写' }]}
          >
            <Input
              maxLength={200}
              placeholder={to === 'two_sessions' ? '如：关于……的提案' : '如：县人社局'}
            />
          </Form.Item>
        )}
        <Form.Item name="on" label="转交日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dueOn" label="办理期限（可选）">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
      <FormModal<TextValues>
        title={dialog === 'answer' ? '登记答复' : '回复青年（办结）'}
        open={dialog === 'answer' || dialog === 'reply'}
        onClose={() => setDialog(null)}
        form={textForm}
        fields={['text', 'on']}
        initialValues={{ on: dayjs() }}
        onSubmit={async ({ text, on }) => {
          const body = { text, on: day(on) };
          if (dialog === 'answer') await ruleInputsApi.problems.answer(problem.id, body);
          else await ruleInputsApi.problems.reply(problem.id, body);
          await done(dialog === 'answer' ? '答复已登记' : '已回复青年，问题办结');
        }}
      >
        <Form.Item
          name="text"
          label={dialog === 'answer' ? '收到的答复' : '给青年的回复'}
          rules={[{ required: true, message: '请填写内容' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="on" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
