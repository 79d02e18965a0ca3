import { CloudUploadOutlined } from '@ant-design/icons';
import { activityTypeLabels } from '@lianxin/contracts';
import { Alert, Button, Drawer, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { removeDraft, syncDrafts, useDrafts } from './drafts.ts';
import { whenOf } from './labels.ts';

/** 草稿 N in the phone header while entries wait for the network; tap for the list. */
export function DraftBadge({ accountId }: { accountId: string }) {
  const drafts = useDrafts(accountId);
  const [open, setOpen] = useState(false);
  const [syncing, setSyncing] = useState(false);
  if (drafts.length === 0 && !open) return null;
  const sync = async () => {
    setSyncing(true);
    try {
      await syncDrafts(accountId);
    } finally {
      setSyncing(false);
    }
  };
  return (
    <>
      <Button size="small" icon={<CloudUploadOutlined />} onClick={() => setOpen(true)}>
        草稿 {drafts.length}
      </Button>
      <Drawer title="待同步的草稿" placement="bottom" size="large" open={open} onClose={() => setOpen(false)}>
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
    </>
  );
}
