import { PlusOutlined, SearchOutlined, StarFilled } from '@ant-design/icons';
import { contactRoleLabels, contactTagLabels } from '@lianxin/contracts';
import { Alert, Button, Empty, Flex, Input, List, Progress, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../components/useLoad.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { NewContactDrawer } from './NewContactDrawer.tsx';

/** 联系青年: my "100", searchable, with tags, the key flag and masked phones. */
export function ContactsPage() {
  const { account } = useSignedIn();
  const list = useLoad(() => api.contacts.list({ pageSize: 500 }), []);
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const shown = useMemo(() => {
    const text = q.trim();
    const items = list.data?.items ?? [];
    if (!text) return items;
    return items.filter(
      (c) =>
        c.name.includes(text) ||
        (c.unit ?? '').includes(text) ||
        (c.phoneMasked ?? '').includes(text) ||
        c.tags.some((t) => contactTagLabels[t].includes(text)),
    );
  }, [list.data, q]);
  if (!account.cadreId) return <Navigate to="/me" replace />;
  const progress = list.data?.progress;

  return (
    <MobileLayout>
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center">
          <Typography.Title level={1} style={{ fontSize: 20, margin: '4px 0' }}>
            联系青年
          </Typography.Title>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增联系青年
          </Button>
        </Flex>
        {progress ? (
          <Progress
            percent={Math.min(100, Math.round((progress.count / Math.max(1, progress.target)) * 100))}
            format={() => `${progress.count}/${progress.target}`}
            strokeColor="#c41d1d"
          />
        ) : null}
        {list.error ? <Alert type="error" showIcon title={list.error} /> : null}
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="搜索姓名、单位、标签"
          aria-label="搜索联系青年"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <List
          rowKey="id"
          loading={list.loading}
          dataSource={shown}
          style={{ background: '#fff', borderRadius: 8 }}
          locale={{ emptyText: <Empty description={q ? '没有匹配的青年' : '还没有联系青年'} /> }}
          renderItem={(c) => (
            <List.Item style={{ padding: '10px 12px' }}>
              <Link
                to={`/me/contacts/${encodeURIComponent(c.id)}`}
                style={{ width: '100%', color: 'inherit' }}
              >
                <Flex justify="space-between" gap={8}>
                  <span style={{ minWidth: 0 }}>
                    <b>{c.name}</b>
                    {c.key ? (
                      <Tag color="gold" icon={<StarFilled />} style={{ marginLeft: 6 }}>
                        结对
                      </Tag>
                    ) : null}
                    {c.minor ? <Tag color="purple">未成年</Tag> : null}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {contactRoleLabels[c.role]}
                      {c.unit ? ` · ${c.unit}` : ''}
                    </Typography.Text>
                    <div>
                      {c.tags.map((t) => (
                        <Tag key={t} color="volcano">
                          {contactTagLabels[t]}
                        </Tag>
                      ))}
                    </div>
                  </span>
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    {c.phoneMasked ?? ''}
                  </Typography.Text>
                </Flex>
              </Link>
            </List.Item>
          )}
        />
      </Flex>
      <NewContactDrawer open={adding} onClose={() => setAdding(false)} onDone={list.reload} />
    </MobileLayout>
  );
}
