import type { TSecretaryPost, TSecretaryTerm } from '@lianxin/contracts';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TOrganizationDetail } from '../../api/endpoints.ts';
import { ruleInputsApi } from '../../api/ruleInputs.ts';
import { CadreSelect } from '../../components/CadreSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { StackedTable } from '../../components/StackedTable.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastSuccess } from '../../feedback.ts';

type Dialog = 'start' | 'leave' | 'vacant' | null;
interface StartValues {
  holderName: string;
  cadreId?: string;
  from: Dayjs;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const span = (from: string, to: string | null) => `${from} 至 ${to ?? '今'}`;

/** Terms and vacancies in one history, newest first. */
type Row = { kind: 'term'; term: TSecretaryTerm } | { kind: 'vacancy'; from: string; to: string | null };
function history(post: TSecretaryPost): Row[] {
  const rows: Row[] = [
    ...post.terms.map((term) => ({ kind: 'term' as const, term })),
    ...post.vacancies.map((v) => ({ kind: 'vacancy' as const, ...v })),
  ];
  const fromOf = (r: Row) => (r.kind === 'term' ? r.term.from : r.from);
  return rows.sort((a, b) => fromOf(b).localeCompare(fromOf(a)));
}

const columns: TableColumnsType<Row> = [
  {
    key: 'who',
    title: '书记',
    width: 160,
    render: (_, r) => (r.kind === 'term' ? r.term.holderName : <Tag color="error">空缺</Tag>),
  },
  {
    key: 'span',
    title: '起止',
    width: 220,
    render: (_, r) => (r.kind === 'term' ? span(r.term.from, r.term.to) : span(r.from, r.to)),
  },
];

/**
 * 书记职位 of a committee (cyl2014.secretary_vacancy): who holds it since when, and the vacancies
 * between holders. A departure opens a vacancy the next day; the next holder's start closes it.
 */
export function SecretaryPostCard({ org, editor }: { org: TOrganizationDetail; editor: boolean }) {
  const post = useLoad(() => ruleInputsApi.secretary.post(org.id), [org.id]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [startForm] = Form.useForm<StartValues>();
  const [dateForm] = Form.useForm<{ on: Dayjs }>();
  const data = post.data;
  const sitting = data?.terms.find((t) => t.to === null);
  const vacant = data?.vacancies.find((v) => v.to === null);
  const save = async (call: Promise<TSecretaryPost>, text: string) => {
    await call;
    toastSuccess(text);
    post.reload();
  };
  return (
    <Card
      size="small"
      title="书记职位"
      style={{ marginBottom: 16 }}
      extra={
        editor ? (
          <Space wrap size={4}>
            <Button size="small" type="primary" onClick={() => setDialog('start')}>
              登记新任书记
            </Button>
            {sitting ? (
              <Button size="small" onClick={() => setDialog('leave')}>
                登记离任
              </Button>
            ) : null}
            {!sitting && !vacant ? (
              <Button size="small" onClick={() => setDialog('vacant')}>
                登记空缺
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        {sitting ? (
          <Typography.Text>
            现任书记：<b>{sitting.holderName}</b>（自 {sitting.from} 起）
          </Typography.Text>
        ) : null}
        {vacant ? <Alert type="error" showIcon message={`书记职位空缺，自 ${vacant.from} 起`} /> : null}
        {data && !data.tracked ? (
          <Typography.Text type="secondary">尚未登记书记任职情况</Typography.Text>
        ) : null}
        {data?.tracked ? (
          <StackedTable<Row>
            rowKey={(r) => (r.kind === 'term' ? r.term.id : `vacancy-${r.from}`)}
            size="middle"
            loading={post.loading}
            dataSource={history(data)}
            pagination={false}
            locale={{ emptyText: post.error ?? '暂无记录' }}
            cardTitleKey="who"
            sideways
            columns={columns}
          />
        ) : null}
      </Flex>
      <FormModal<StartValues>
        title="登记新任书记"
        open={dialog === 'start'}
        onClose={() => setDialog(null)}
        form={startForm}
        fields={['holderName', 'cadreId', 'from']}
        initialValues={{ from: dayjs() }}
        onSubmit={({ from, cadreId, holderName }) =>
          save(
            ruleInputsApi.secretary.start(org.id, {
              holderName,
              from: day(from),
              ...(cadreId ? { cadreId } : {}),
            }),
            '新任书记已登记',
          )
        }
      >
        <Form.Item name="holderName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="cadreId" label="对应团干部档案（可选）">
          <CadreSelect orgId={org.id} allowClear />
        </Form.Item>
        <Form.Item
          name="from"
          label="任职日期"
          rules={[{ required: true, message: '请选择日期' }]}
          extra={sitting ? `${sitting.holderName} 于前一日离任` : vacant ? '空缺于前一日结束' : undefined}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
      <FormModal<{ on: Dayjs }>
        title={dialog === 'leave' ? `登记离任：${sitting?.holderName ?? ''}` : '登记书记职位空缺'}
        open={dialog === 'leave' || dialog === 'vacant'}
        onClose={() => setDialog(null)}
        form={dateForm}
        fields={['on']}
        aliases={{ to: 'on', from: 'on' }}
        initialValues={{ on: dayjs() }}
        onSubmit={({ on }) =>
          dialog === 'leave' && sitting
            ? save(ruleInputsApi.secretary.leave(sitting.id, day(on)), '已登记离任，职位自次日起空缺')
            : save(ruleInputsApi.secretary.vacantSince(org.id, day(on)), '已登记空缺')
        }
      >
        <Form.Item
          name="on"
          label={dialog === 'leave' ? '离任日期' : '空缺起始日期'}
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
