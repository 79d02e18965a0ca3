import { EyeOutlined } from '@ant-design/icons';
import { contactRoleLabels, contactTagLabels, orgFieldLabels, type TContactReveal } from '@lianxin/contracts';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useParams } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { showFormError } from '../../feedback.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { ActivityList } from '../worklog/ActivityList.tsx';

/** One contact: the person (masked), the keepers, the timeline; 查看号码 asks why and is audited. */
export function ContactPage() {
  const { id = '' } = useParams();
  const { account } = useSignedIn();
  const contact = useLoad(() => api.contacts.get(id), [id]);
  const timeline = useLoad(() => api.activities.list({ contact: id, pageSize: 50 }), [id]);
  const [asking, setAsking] = useState(false);
  const [revealed, setRevealed] = useState<TContactReveal | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  if (!account.cadreId) return <Navigate to="/me" replace />;
  const c = contact.data;

  const reveal = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      setRevealed(await api.contacts.reveal(id, reason));
      setAsking(false);
    } catch (error) {
      showFormError(form, error, ['reason']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <MobileLayout>
      <Flex vertical gap={12}>
        <ScreenTitle back="/me/contacts">{c?.name ?? '联系青年'}</ScreenTitle>
        {contact.error ? <Alert type="error" showIcon title={contact.error} /> : null}
        {!c && !contact.error ? <Skeleton active /> : null}
        {c ? (
          <Card size="small">
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: 96 } }}
              items={[
                { key: 'role', label: '身份', children: contactRoleLabels[c.role] },
                { key: 'field', label: '领域', children: c.field ? orgFieldLabels[c.field] : '—' },
                { key: 'unit', label: '单位', children: c.unit ?? '—' },
                {
                  key: 'tags',
                  label: '标签',
                  children: c.tags.length
                    ? c.tags.map((t) => (
                        <Tag key={t} color="volcano">
                          {contactTagLabels[t]}
                        </Tag>
                      ))
                    : '—',
                },
                {
                  key: 'phone',
                  label: '手机号码',
                  children: (
                    <Flex gap={8} align="center" wrap>
                      <span data-testid="phone">{revealed?.phone ?? c.phoneMasked ?? '—'}</span>
                      {(c.phoneMasked || c.idNumberMasked || c.hasChannels) && !revealed ? (
                        <Button size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)}>
                          查看号码
                        </Button>
                      ) : null}
                    </Flex>
                  ),
                },
                ...(c.idNumberMasked
                  ? [
                      {
                        key: 'idNumber',
                        label: '身份证号码',
                        children: revealed?.idNumber ?? c.idNumberMasked,
                      },
                    ]
                  : []),
                ...(revealed?.channels
                  ? [
                      {
                        key: 'channels',
                        label: '微信/QQ/微博',
                        children: Object.values(revealed.channels).filter(Boolean).join(' / ') || '—',
                      },
                    ]
                  : []),
                {
                  key: 'keepers',
                  label: '联系干部',
                  children:
                    c.keepers.map((k) => `${k.cadreName}${k.key ? '（结对）' : ''}`).join('、') || '—',
                },
              ]}
            />
            {c.overContacted ? (
              <Alert
                type="warning"
                showIcon
                title={`已有 ${c.keeperCount} 名团干部联系该青年，避免重复联系`}
              />
            ) : null}
          </Card>
        ) : null}
        <Card size="small" title="联系记录" styles={{ body: { paddingTop: 0 } }}>
          <ActivityList items={timeline.data?.items} loading={timeline.loading} onChanged={timeline.reload} />
        </Card>
      </Flex>
      <Modal
        title="查看号码"
        open={asking}
        onCancel={() => setAsking(false)}
        onOk={() => form.submit()}
        okText="查看"
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">查看完整号码将记入操作日志，请说明原因。</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void reveal(v)}>
          <Form.Item
            name="reason"
            label="查看原因"
            rules={[{ required: true, min: 2, message: '请说明查看原因' }]}
          >
            <Input placeholder="如：电话回访" maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </MobileLayout>
  );
}
