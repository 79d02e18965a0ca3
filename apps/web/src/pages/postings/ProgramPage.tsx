import type { TMoveCadreRequest, TPosting, TPostingPlanView } from '@lianxin/contracts';
import {
  Alert,
  Button,
  Card,
  Flex,
  Popconfirm,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { LeaderTag } from './LeaderTag.tsx';
import { LeftOutCard } from './LeftOutCard.tsx';
import { PlanTable } from './PlanTable.tsx';
import { PlanViolations } from './PlanViolations.tsx';
import { kindLabels, postingsApi } from './postingsApi.ts';

/** The plan of a program, or null before the first 生成方案. */
async function loadPlan(programId: string): Promise<TPostingPlanView | null> {
  try {
    return await postingsApi.plan(programId);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

const postingColumns: TableColumnsType<TPosting> = [
  { title: '干部', dataIndex: 'cadreName', width: 120 },
  { title: '批次', dataIndex: 'batchName', width: 90 },
  { title: '派驻地', dataIndex: 'orgName' },
  { title: '时间', key: 'span', width: 220, render: (_, p) => `${p.from} 至 ${p.to}（${p.months} 个月）` },
  {
    title: '小组',
    key: 'group',
    width: 140,
    render: (_, p) =>
      p.groupId ? (
        <Link to={`/postings/groups/${encodeURIComponent(p.groupId)}`}>
          小组页面
          <LeaderTag leader={p.leader} />
        </Link>
      ) : (
        '—'
      ),
  },
];

/** 下沉计划: batches, 生成方案, the plan table with live violations, 发布, then the postings. */
export function ProgramPage() {
  const { id = '' } = useParams();
  const { account } = useSignedIn();
  const program = useLoad(() => postingsApi.program(id), [id]);
  const targets = useLoad(() => postingsApi.targets(id), [id]);
  const loaded = useLoad(() => loadPlan(id), [id]);
  const [plan, setPlan] = useState<TPostingPlanView | null>(null);
  const [busy, setBusy] = useState(false);
  const published = plan?.status === 'published';
  const postings = useLoad(
    () => (published ? postingsApi.postings({ program: id }) : Promise.resolve({ items: [] })),
    [id, published],
  );
  useEffect(() => setPlan(loaded.data ?? null), [loaded.data]);

  const run = async (work: () => Promise<TPostingPlanView>, done?: string) => {
    setBusy(true);
    try {
      setPlan(await work());
      if (done) toastSuccess(done);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  const move = (cadre: string, m: TMoveCadreRequest) =>
    plan && void run(() => postingsApi.move(plan.id, cadre, m));

  if (!program.data) return program.error ? <Alert type="error" title={program.error} /> : <Spin />;
  const p = program.data;
  const editable = canEdit(account.role) && !published;
  const hardCount = plan?.violations.filter((v) => v.hard).length ?? 0;

  return (
    <>
      <PageHeader
        title={p.name}
        extra={
          editable ? (
            <Flex gap={8}>
              <Button
                type={plan ? 'default' : 'primary'}
                loading={busy}
                onClick={() => run(() => postingsApi.generate(id), '已生成方案')}
              >
                生成方案
              </Button>
              {plan ? (
                <Popconfirm
                  title="发布后将创建派驻记录和联系点，方案不能再调整。确定发布？"
                  onConfirm={() => run(() => postingsApi.publish(plan.id), '方案已发布')}
                  disabled={hardCount > 0}
                >
                  <Button type="primary" disabled={hardCount > 0 || busy}>
                    发布方案
                  </Button>
                </Popconfirm>
              ) : null}
            </Flex>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">
        {kindLabels[p.kind]} · {p.orgName} · 批次：
        {p.batches.map((b) => `${b.name}（${b.start} 起）`).join('，')}
        {published ? (
          <Tag color="green" style={{ marginLeft: 8 }}>
            已发布
          </Tag>
        ) : null}
      </Typography.Paragraph>
      {plan ? (
        <Spin spinning={busy}>
          <PlanViolations plan={plan} />
          <PlanTable
            plan={plan}
            batches={p.batches}
            targets={targets.data?.items ?? []}
            editable={editable}
            onMove={move}
          />
          <LeftOutCard plan={plan} />
        </Spin>
      ) : loaded.loading ? (
        <Spin />
      ) : (
        <Alert
          type="info"
          showIcon
          title="尚未生成方案：点“生成方案”由系统按规则编排批次、派驻地和工作小组"
        />
      )}
      {published ? (
        <Card size="small" title="派驻记录" style={{ marginTop: 12 }}>
          <Table<TPosting>
            rowKey="id"
            size="small"
            columns={postingColumns}
            dataSource={postings.data?.items ?? []}
            pagination={false}
          />
        </Card>
      ) : null}
    </>
  );
}
