import type { TActivitySummary, TLeave, TPosting, TPostingGroupPage } from '@lianxin/contracts';
import { Button, Card, Flex, List, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { toastError, toastSuccess } from '../../feedback.ts';
import { leaveStatusLabels, postingsApi } from './postingsApi.ts';
import { ReportEditor } from './ReportEditor.tsx';

const memberColumns: TableColumnsType<TPosting> = [
  {
    title: '成员',
    dataIndex: 'cadreName',
    render: (name: string, m) => (
      <>
        {name}
        {m.leader ? (
          <Tag color="gold" style={{ marginLeft: 6 }}>
            牵头人
          </Tag>
        ) : null}
      </>
    ),
  },
  { title: '派驻地', dataIndex: 'orgName' },
  { title: '时间', key: 'span', render: (_, m) => `${m.from} 至 ${m.to}` },
];

const activityText = (a: TActivitySummary) =>
  `${a.date ?? `${a.start} 至 ${a.end}`} · ${a.cadreName} · ${a.title ?? a.note ?? a.type}`;

/**
 * 工作小组: members, leave (with an admin's decision buttons), the members' posting logs where the
 * reader may see them (decision 15), and the group report the leader writes.
 */
export function GroupView({
  group,
  reload,
  canDecide,
  isLeader,
}: {
  group: TPostingGroupPage;
  reload: () => void;
  canDecide: boolean;
  isLeader: boolean;
}) {
  const [deciding, setDeciding] = useState<string | null>(null);
  const decide = async (leave: TLeave, approve: boolean) => {
    setDeciding(leave.id);
    try {
      await postingsApi.decideLeave(leave.id, approve);
      toastSuccess(approve ? '已批准' : '已拒绝');
      reload();
    } catch (e) {
      toastError(e);
    } finally {
      setDeciding(null);
    }
  };
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {group.programName} · {group.batch.name}（{group.batch.start} 起）· {group.prefectureName}
      </Typography.Text>
      <Card size="small" title={`小组成员 ${group.members.length} 人`}>
        <Table<TPosting>
          rowKey="id"
          size="small"
          columns={memberColumns}
          dataSource={group.members}
          pagination={false}
        />
      </Card>
      <Card size="small" title="请假（无特殊情况不得请假）">
        <List
          size="small"
          dataSource={group.leaves}
          locale={{ emptyText: '无请假' }}
          renderItem={(l) => (
            <List.Item
              extra={
                canDecide && l.status === 'pending' ? (
                  <Space>
                    <Button size="small" loading={deciding === l.id} onClick={() => void decide(l, true)}>
                      批准
                    </Button>
                    <Button
                      size="small"
                      danger
                      loading={deciding === l.id}
                      onClick={() => void decide(l, false)}
                    >
                      拒绝
                    </Button>
                  </Space>
                ) : null
              }
            >
              {l.cadreName} · {l.from} 至 {l.to} · {l.reason}{' '}
              <Tag color={l.status === 'approved' ? 'green' : l.status === 'refused' ? 'red' : 'blue'}>
                {leaveStatusLabels[l.status]}
              </Tag>
            </List.Item>
          )}
        />
      </Card>
      {group.logs ? (
        <Card size="small" title={`派驻期间工作日志 ${group.logs.length} 条`}>
          <List
            size="small"
            dataSource={group.logs}
            locale={{ emptyText: '暂无记录' }}
            renderItem={(a) => <List.Item>{activityText(a)}</List.Item>}
          />
        </Card>
      ) : null}
      {group.report ? (
        <ReportEditor
          title="小组工作报告"
          report={group.report}
          editable={isLeader}
          save={(body, submit) => postingsApi.saveGroupReport(group.id, body, submit)}
          onSaved={reload}
        />
      ) : null}
    </Flex>
  );
}
