import type { TActivitySummary, TPostingProgram } from '@lianxin/contracts';
import { Alert, Card, Col, Empty, List, Row, Spin, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { annualApi, currentYear } from '../../api/annual.ts';
import { api } from '../../api/endpoints.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Loaded, useLoad } from '../../components/useLoad.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { RemindersAlert } from '../annual/RemindersAlert.tsx';
import { postingsApi } from '../postings/postingsApi.ts';

const SHOWN = 5;

interface Todo {
  key: string;
  title: ReactNode;
  description: string;
}

/** A draft plan still breaking hard rules: it cannot be published until mended. */
async function plansToMend(): Promise<{ program: TPostingProgram; hard: number }[]> {
  const drafts = (await postingsApi.programs()).items.filter((p) => p.plan?.status === 'draft');
  const plans = await Promise.all(drafts.map((p) => postingsApi.plan(p.id)));
  return drafts
    .map((program, i) => ({ program, hard: plans[i]?.violations.filter((v) => v.hard).length ?? 0 }))
    .filter((d) => d.hard > 0);
}

const problemTodo = (p: TActivitySummary, why: string): Todo => ({
  key: p.id,
  title: <Link to="/problems">{p.title ?? '问题'}</Link>,
  description: `${p.cadreName}${why}${p.dueOn ? `，期限 ${p.dueOn}` : ''}`,
});

/** One count tile and, under it, the first few things to do, each a link to where it is done. */
function TodoCard<T>({
  title,
  loaded,
  items,
  empty,
}: {
  title: string;
  loaded: Loaded<T>;
  items: Todo[];
  empty: string;
}) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} value={loaded.data ? items.length : '—'} />
      {loaded.error ? <Alert type="warning" title={loaded.error} /> : null}
      {loaded.loading ? (
        <Spin />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, SHOWN)}
          locale={{ emptyText: <Typography.Text type="secondary">{empty}</Typography.Text> }}
          renderItem={(t) => (
            <List.Item key={t.key}>
              <List.Item.Meta title={t.title} description={t.description} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 工作台: what needs the admin's attention in the current organization, each with where to do it. */
export function HomePage() {
  const { roots, currentOrg } = useCurrentOrg();
  const org = currentOrg?.id;
  const year = currentYear();
  const roster = useLoad(
    () => (org ? annualApi.roster(year, org, 'task_list') : Promise.resolve(null)),
    [org, year],
  );
  const queue = useLoad(() => (org ? api.activities.problemQueue(org) : Promise.resolve(null)), [org]);
  const plans = useLoad(plansToMend, []);

  if (roots && roots.length === 0)
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;

  const toReview: Todo[] = (roster.data?.items ?? [])
    .filter((r) => r.status === 'submitted')
    .map((r) => ({
      key: r.cadreId,
      title: <Link to="/annual">{r.cadreName}</Link>,
      description: `任务清单${r.submittedOn ? ` ${r.submittedOn} 报送` : ''}，待审核`,
    }));
  const waiting = (queue.data?.waiting ?? []).map((p) => problemTodo(p, ' 提交，待本级答复'));
  const overdue = (queue.data?.overdue ?? []).map((p) => problemTodo(p, ' 负责，已逾期'));
  const mend: Todo[] = (plans.data ?? []).map(({ program, hard }) => ({
    key: program.id,
    title: <Link to={`/postings/${encodeURIComponent(program.id)}`}>{program.name}</Link>,
    description: `方案违反硬性规则 ${hard} 处，修正后才能发布`,
  }));

  return (
    <>
      <PageHeader title="工作台" />
      <RemindersAlert year={year} />
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12} xl={6}>
          <TodoCard title="待审核任务清单" loaded={roster} items={toReview} empty="没有待审核的任务清单" />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <TodoCard title="待答复问题" loaded={queue} items={waiting} empty="没有等待本级答复的问题" />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <TodoCard title="逾期问题" loaded={queue} items={overdue} empty="没有逾期的问题" />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <TodoCard title="待修正的下沉方案" loaded={plans} items={mend} empty="没有待修正的方案" />
        </Col>
      </Row>
    </>
  );
}
