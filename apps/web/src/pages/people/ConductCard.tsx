import { conductKindLabels, type TConductKind, type TConductRecord } from '@lianxin/contracts';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
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

/** The form's values of a stored record, to correct it. */
const formValues = (r: TConductRecord): ConductForm => ({
  kind: r.kind,
  title: r.title,
  decidedOn: dayjs(r.decidedOn),
  issuedBy: r.issuedBy,
  documentNo: r.documentNo ?? undefined,
  reason: r.reason ?? undefined,
});

/**
 * 表彰与处理 on a cadre's page: the decisions in the order made. An admin over the cadre adds one,
 * corrects one entered wrongly, or withdraws one that should not be there (the audit log keeps
 * what each said before).
 */
export function ConductCard({ cadreId, editable }: { cadreId: string; editable: boolean }) {
  const records = useLoad(() => api.cadres.conduct(cadreId), [cadreId]);
  /** null: no form open; 'new': a new record; else the record being corrected */
  const [editing, setEditing] = useState<'new' | TConductRecord | null>(null);

  const save = async (v: ConductForm) => {
    const body = { ...v, decidedOn: v.decidedOn.format('YYYY-MM-DD') };
    try {
      if (editing === 'new') await api.cadres.recordConduct(cadreId, body);
      else if (editing) await api.cadres.correctConduct(cadreId, editing.id, body);
      toastSuccess(editing === 'new' ? '已记录' : '已更正');
      setEditing(null);
      records.reload();
    } catch (e) {
      toastError(e);
    }
  };
  const withdraw = async (r: TConductRecord) => {
    try {
      await api.cadres.withdrawConduct(cadreId, r.id);
      toastSuccess('已撤销');
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
        editable && editing === null ? (
          <Button size="small" onClick={() => setEditing('new')}>
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
          <List.Item
            actions={
              editable && editing === null
                ? [
                    <Button key="correct" type="link" size="small" onClick={() => setEditing(r)}>
                      更正
                    </Button>,
                    <Popconfirm
                      key="withdraw"
                      title="撤销这条记录？"
                      description="仅用于录错的记录，审计日志保留原记录"
                      okText="撤销"
                      cancelText="取消"
                      onConfirm={() => withdraw(r)}
                    >
                      <Button type="link" size="small" danger>
                        撤销
                      </Button>
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
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
      {editing ? (
        <ConductFormFields
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? { kind: 'commendation' } : formValues(editing)}
          submitText={editing === 'new' ? '保存' : '保存更正'}
          onFinish={save}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

/** The decision's fields, new or filled with a record to correct. */
function ConductFormFields({
  initial,
  submitText,
  onFinish,
  onCancel,
}: {
  initial: Partial<ConductForm>;
  submitText: string;
  onFinish: (v: ConductForm) => Promise<void>;
  onCancel: () => void;
}) {
  return (
    <Form<ConductForm>
      layout="vertical"
      initialValues={initial}
      onFinish={onFinish}
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
          {submitText}
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Flex>
    </Form>
  );
}
