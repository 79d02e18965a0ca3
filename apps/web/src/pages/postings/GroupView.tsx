import type { TActivitySummary, TLeave, TPostingGroupPage } from '@lianxin/contracts';
import { Button, Flex, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router-dom';
import { EmptyNote, Panel, PlainList, Txt } from '../../components/plain.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { leaveStatusLabels, postingsApi } from './postingsApi.ts';
import { ReportEditor } from './ReportEditor.tsx';

/** The group the route names. */
export function useGroup() {
  const { id = '' } = useParams();
  return useLoad(() => postingsApi.group(id), [id]);
}

const activityText = (a: TActivitySummary) =>
  `${a.date ?? `${a.start} 至 ${a.end}`} · ${a.cadreName} · ${a.title ?? a.note ?? a.type}`;

const leaveColors = { approved: 'green', refused: 'red', pending: 'blue' } as const;

/**
 * 工作小组: members, leave (with an admin's decision buttons), the members' posting logs where the
 * reader may see them (decision 15), and the group report the leader writes. The members come drawn
 * by the page: a table on the desk, rows on the phone.
 */
export function GroupView({
  group,
  members,
  reload,
  canDecide,
  isLeader,
}: {
  group: TPostingGroupPage;
  members: ReactNode;
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
      <Txt type="secondary">
        {group.programName} · {group.batch.name}（{group.batch.start} 起）· {group.prefectureName}
      </Txt>
      <Panel title={`小组成员 ${group.members.length} 人`}>{members}</Panel>
      <Panel title="请假（无特殊情况不得请假）">
        <PlainList
          items={group.leaves}
          rowKey={(l) => l.id}
          empty={<EmptyNote>无请假</EmptyNote>}
          render={(l) => (
            <Flex justify="space-between" align="center" gap={8} wrap>
              <span>
                {l.cadreName} · {l.from} 至 {l.to} · {l.reason}{' '}
                <Tag color={leaveColors[l.status]}>{leaveStatusLabels[l.status]}</Tag>
              </span>
              {canDecide && l.status === 'pending' ? (
                <Flex gap={8}>
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
                </Flex>
              ) : null}
            </Flex>
          )}
        />
      </Panel>
      {group.logs ? (
        <Panel title={`派驻期间工作日志 ${group.logs.length} 条`}>
          <PlainList
            items={group.logs}
            rowKey={(a) => a.id}
            empty={<EmptyNote>暂无记录</EmptyNote>}
            render={(a) => activityText(a)}
          />
        </Panel>
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
