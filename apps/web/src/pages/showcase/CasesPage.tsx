import type { TCaseItem, TPublishCaseRequest } from '@lianxin/contracts';
import { Alert, Button, Card, Empty, Flex, Form, Input, Popconfirm, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { showcaseApi } from '../../api/showcase.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastSuccess } from '../../feedback.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';

/**
 * 典型案例 of the organization chosen in the tree, as written in the work log: an admin over the
 * author publishes one on the showcase with words they approve (the youths never named), or takes
 * it down. The showcase itself is a public page.
 */
export function CasesPage() {
  const { roots, currentOrg } = useCurrentOrg();
  const [editing, setEditing] = useState<TCaseItem | null>(null);
  const [form] = Form.useForm<TPublishCaseRequest>();
  const orgId = currentOrg?.id;
  const list = useLoad(async () => (orgId ? showcaseApi.cases(orgId) : null), [orgId]);

  if (roots && roots.length === 0)
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;
  if (!currentOrg || !orgId) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const items = list.data?.items ?? [];
  const pageUrl = showcaseApi.pageUrl(orgId);

  async function publish(values: TPublishCaseRequest) {
    if (!editing) return;
    await showcaseApi.publish(editing.id, values);
    toastSuccess('已发布到典型案例展示页');
    list.reload();
  }
  async function unpublish(c: TCaseItem) {
    await showcaseApi.unpublish(c.id);
    toastSuccess('已撤下');
    list.reload();
  }

  return (
    <>
      <PageHeader title="典型案例" />
      <Typography.Paragraph copyable={{ text: pageUrl }} style={{ wordBreak: 'break-all' }}>
        {currentOrg.name}的展示页（无需登录）：
        <a href={pageUrl} target="_blank" rel="noreferrer" data-testid="showcase-url">
          {pageUrl}
        </a>
      </Typography.Paragraph>
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      {items.length === 0 && !list.loading ? (
        <Empty description="工作日志中暂无典型案例（团干部在“记一笔”中选择“典型案例”登记）" />
      ) : null}
      <Flex vertical gap={12}>
        {items.map((c) => (
          <CaseCard
            key={c.id}
            item={c}
            onPublish={() => {
              setEditing(c);
              form.setFieldsValue(c.published ?? c.suggested);
            }}
            onUnpublish={() => unpublish(c)}
          />
        ))}
      </Flex>
      <FormModal<TPublishCaseRequest>
        title="发布典型案例"
        open={editing !== null}
        onClose={() => setEditing(null)}
        form={form}
        fields={['title', 'body']}
        onSubmit={publish}
        okText="发布"
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="展示页对所有人公开：不得出现青年的姓名、手机号或身份证号，请用“李某”等化名。"
        />
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label="正文" rules={[{ required: true, message: '请填写正文' }]}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={20_000} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function CaseCard({
  item,
  onPublish,
  onUnpublish,
}: {
  item: TCaseItem;
  onPublish: () => void;
  onUnpublish: () => void;
}) {
  return (
    <Card
      size="small"
      data-testid="case"
      title={<span style={{ whiteSpace: 'normal' }}>{item.published?.title ?? item.title}</span>}
      extra={item.published ? <Tag color="green">已发布</Tag> : <Tag>未发布</Tag>}
    >
      <Flex vertical gap={6}>
        <Typography.Text type="secondary">
          {item.date} · {item.cadreName} · {item.orgName}
        </Typography.Text>
        {item.published ? (
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>
            {item.published.body}
          </Typography.Paragraph>
        ) : null}
        {item.canPublish ? (
          <Flex gap={8} wrap>
            <Button type={item.published ? 'default' : 'primary'} onClick={onPublish}>
              {item.published ? '修改发布内容' : '发布…'}
            </Button>
            {item.published ? (
              <Popconfirm
                title="从展示页撤下这个案例？"
                okText="撤下"
                cancelText="取消"
                onConfirm={onUnpublish}
              >
                <Button danger>撤下</Button>
              </Popconfirm>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
