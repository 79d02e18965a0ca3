import { activityTypeLabels } from '@lianxin/contracts';
import { Alert, Button, Drawer, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { removeDraft, syncDrafts, useDrafts } from './drafts.ts';
import { whenOf } from './labels.ts';

/** The drafts waiting for the network: each one's type, date and why it was refused, to delete or sync. */
export function DraftDrawer({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const drafts = useDrafts(accountId);
  const [syncing, setSyncing] = useState(false);
  const sync = async () => {
    setSyncing(true);
    try {
      await syncDrafts(accountId);
    } finally {
      setSyncing(false);
    }
  };
  return (
    <Drawer title="待同步的草稿" placement="bottom" size="large" open onClose={onClose}>
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title="草稿保存在本机，联网后自动同步。" />
        <List
          rowKey="id"
          dataSource={drafts}
          locale={{ emptyText: '没有待同步的草稿' }}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Popconfirm key="del" title="删除这条草稿？" onConfirm={() => removeDraft(accountId, d.id)}>
                  <Button size="small" danger type="link">
                    删除
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <>
                    {activityTypeLabels[d.body.type]}{' '}
                    {d.error ? <Tag color="red">未通过校验</Tag> : <Tag>待同步</Tag>}
                  </>
                }
                description={
                  <>
                    {whenOf(d.body as { date?: string; start?: string; end?: string })}
                    {d.error ? (
                      <Typography.Paragraph type="danger" style={{ margin: 0 }}>
                        {d.error}
                      </Typography.Paragraph>
                    ) : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
        <Button type="primary" block loading={syncing} onClick={() => void sync()}>
          立即同步
        </Button>
      </Flex>
    </Drawer>
  );
}
