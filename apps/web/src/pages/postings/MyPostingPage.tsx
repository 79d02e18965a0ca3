import type { TDeliverableKey } from '@lianxin/contracts';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Spin,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useParams } from 'react-router-dom';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { leaveStatusLabels, postingsApi } from './postingsApi.ts';
import { ReportEditor } from './ReportEditor.tsx';

interface LeaveForm {
  reason: string;
  span: [Dayjs, Dayjs];
}

/** One posting on the phone: the personal summary drafted from the log, 六个一, and leave. */
export function MyPostingPage() {
  const { id = '' } = useParams();
  const posting = useLoad(() => postingsApi.posting(id), [id]);
  const summary = useLoad(() => postingsApi.summary(id), [id]);
  const deliverables = useLoad(() => postingsApi.deliverables(id), [id]);
  const leaves = useLoad(() => postingsApi.leaves(id), [id]);
  const [form] = Form.useForm<LeaveForm>();

  const mark = async (key: TDeliverableKey, done: boolean) => {
    try {
      await postingsApi.markDeliverable(id, key, done);
      deliverables.reload();
    } catch (e) {
      toastError(e);
    }
  };
  const askLeave = async (v: LeaveForm) => {
    try {
      await postingsApi.requestLeave(id, {
        reason: v.reason,
        from: v.span[0].format('YYYY-MM-DD'),
        to: v.span[1].format('YYYY-MM-DD'),
      });
      toastSuccess('请假申请已提交，等待审批');
      form.resetFields();
      leaves.reload();
    } catch (e) {
      toastError(e);
    }
  };

  if (posting.error)
    return (
      <MobileLayout>
        <Alert type="error" title={posting.error} />
      </MobileLayout>
    );
  const p = posting.data;
  return (
    <MobileLayout>
      <Typography.Title level={1} style={{ fontSize: 20, margin: '4px 0 12px' }}>
        {p ? `派驻 ${p.orgName}` : '派驻'}
      </Typography.Title>
      {p ? (
        <Typography.Paragraph type="secondary">
          {p.programName} · {p.batchName} · {p.from} 至 {p.to}
        </Typography.Paragraph>
      ) : null}
      <Flex vertical gap={12}>
        {summary.data ? (
          <ReportEditor
            title="个人工作总结"
            report={summary.data}
            editable
            save={(body, submit) => postingsApi.saveSummary(id, body, submit)}
            onSaved={summary.reload}
          />
        ) : (
          <Spin />
        )}
        <Card size="small" title="六个一">
          <List
            size="small"
            dataSource={deliverables.data?.items ?? []}
            renderItem={(d) => (
              <List.Item extra={<Tag color={d.evidence > 0 ? 'green' : undefined}>日志 {d.evidence}</Tag>}>
                <Flex vertical>
                  {d.evidence > 0 ? (
                    <Typography.Text>✓ {d.label}</Typography.Text>
                  ) : (
                    // the log holds nothing yet: the cadre may confirm work kept outside it
                    <Checkbox checked={d.marked} onChange={(e) => void mark(d.key, e.target.checked)}>
                      {d.label}（日志无记录，人工确认）
                    </Checkbox>
                  )}
                  {d.evidenceItems.length > 0 ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.evidenceItems.join('；')}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title="请假（无特殊情况不得请假）">
          <List
            size="small"
            dataSource={leaves.data?.items ?? []}
            locale={{ emptyText: '无请假' }}
            renderItem={(l) => (
              <List.Item>
                {l.from} 至 {l.to} · {l.reason} <Tag>{leaveStatusLabels[l.status]}</Tag>
              </List.Item>
            )}
          />
          <Form<LeaveForm> form={form} layout="vertical" onFinish={askLeave}>
            <Form.Item name="reason" label="特殊原因" rules={[{ required: true, message: '请写明特殊原因' }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item name="span" label="请假日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
            <Button htmlType="submit">申请请假</Button>
          </Form>
        </Card>
      </Flex>
    </MobileLayout>
  );
}
