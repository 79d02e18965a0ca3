import { conductKindLabels, type TConductKind } from '@lianxin/contracts';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, List, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';

interface ConductForm {
  kind: TConductKind;
  title: string;
  decidedOn: Dayjs;
  issuedBy: string;
  documentNo?: string;
  reason?: string;
}

const kindColor: Record<TConductKind, string> = { commendation: 'red', discipline: 'default' };

/** 表彰与处理 on a cadre's page: the decisions in the order made; an admin over the cadre adds one. */
export function ConductCard({ cadreId, editable }: { cadreId: string; editable: boolean }) {
  const records = useLoad(() => api.cadres.conduct(cadreId), [cadreId]);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<ConductForm>();

  const save = async (v: ConductForm) => {
    try {
      await api.cadres.recordConduct(cadreId, { ...v, decidedOn: v.decidedOn.format('YYYY-MM-DD') });
      toastSuccess('已记录');
      form.resetFields();
      setAdding(false);
      records.reload();
    } catch (e) {
      toastError(e);
    }
  };

  return (
    <Card
      size="small"
      title="表彰与处理"
      data-testid="conduct-records"
      extra={
        editable && !adding ? (
          <Button size="small" onClick={() => setAdding(true)}>
            记录
          </Button>
        ) : null
      }
    >
      {records.error ? <Alert type="error" showIcon title={records.error} /> : null}
      <List
        size="small"
        rowKey="id"
        loading={records.loading}
        dataSource={records.data?.items ?? []}
        locale={{ emptyText: '暂无表彰或处理记录' }}
        renderItem={(r) => (
          <List.Item>
            <Flex vertical style={{ minWidth: 0 }}>
              <span>
                <Tag color={kindColor[r.kind]}>{conductKindLabels[r.kind]}</Tag>
                {r.title}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.decidedOn} · {r.issuedBy}
                {r.documentNo ? ` ${r.documentNo}` : ''}
                {r.reason ? ` · ${r.reason}` : ''}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {adding ? (
        <Form<ConductForm>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'commendation' }}
          onFinish={save}
          style={{ marginTop: 12 }}
        >
          <Form.Item name="kind" label="类别">
            <Select options={Object.entries(conductKindLabels).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item
            name="title"
            label="名称"
            rules={[{ required: true, message: '如：优秀共青团干部、通报批评' }]}
          >
            <Input placeholder="如：优秀共青团干部、通报批评" />
          </Form.Item>
          <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="issuedBy" label="决定机关" rules={[{ required: true, message: '请填写决定机关' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="documentNo" label="文号">
            <Input />
          </Form.Item>
          <Form.Item name="reason" label="事由">
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit">
              保存
            </Button>
            <Button onClick={() => setAdding(false)}>取消</Button>
          </Flex>
        </Form>
      ) : null}
    </Card>
  );
}
