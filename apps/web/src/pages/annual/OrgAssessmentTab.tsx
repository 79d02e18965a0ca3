import type { TGrade, TOrgAssessment } from '@lianxin/contracts';
import { assessmentGradeLabels } from '@lianxin/domain';
import { Alert, Button, Flex, Popconfirm, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { StackedTable } from '../../components/StackedTable.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { describeError, toastSuccess } from '../../feedback.ts';

type Entry = TOrgAssessment['entries'][number];
const GRADES: TGrade[] = ['excellent', 'good', 'fair', 'poor'];
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/**
 * 下级组织考核 (seed 003 三.2): the organization grades its lower organizations under the cadres'
 * quotas, each beside its year's pass rate and coverage as the level's 通报 counts them.
 */
export function OrgAssessmentTab({ year, orgId }: { year: number; orgId: string }) {
  const list = useLoad(() => annualApi.orgAssessments.list(year, orgId), [year, orgId]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const current = list.data?.items[0] ?? null;

  async function start() {
    try {
      await annualApi.orgAssessments.create(year, orgId);
      setRefusal(null);
      list.reload();
    } catch (e) {
      setRefusal(describeError(e));
    }
  }

  return (
    <Flex vertical gap={12}>
      {list.error ? <Alert type="error" showIcon title={list.error} /> : null}
      {refusal ? <Alert type="error" showIcon title={refusal} role="alert" /> : null}
      {current ? (
        <Grading key={current.id} initial={current} />
      ) : list.data ? (
        <Flex vertical gap={8} align="flex-start">
          <Typography.Text>
            启动后，本组织当前的全部下级组织参加 {year}{' '}
            年度考核，名单随即固定；等次名额与团干部考核相同（“优”不超过 30%，“良”不超过 50%，向下取整）。
          </Typography.Text>
          <Button type="primary" onClick={() => void start()}>
            启动下级组织考核
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}

function Grading({ initial }: { initial: TOrgAssessment }) {
  const [a, setA] = useState(initial);
  const [grades, setGrades] = useState<Record<string, TGrade | null>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => setA(initial), [initial]);
  const published = a.status === 'published';
  // the figures are one evaluation of the whole level: read once, not again with each grade saved
  const figures = useLoad(() => annualApi.orgAssessments.figures(a.id), [a.id]);
  const figureOf = new Map((figures.data?.items ?? []).map((f) => [f.orgId, f]));
  const gradeOf = (e: Entry) => (e.orgId in grades ? grades[e.orgId] : e.grade);
  const count = (g: TGrade) => a.entries.filter((e) => gradeOf(e) === g).length;

  async function act(work: () => Promise<TOrgAssessment>, done: string) {
    try {
      setA(await work());
      setRefusal(null);
      setGrades({});
      toastSuccess(done);
    } catch (e) {
      setRefusal(describeError(e));
    }
  }

  const changed = Object.entries(grades).map(([orgId, grade]) => ({ orgId, grade }));
  const columns: TableColumnsType<Entry> = [
    { title: '下级组织', dataIndex: 'name' },
    { title: '团干部', key: 'cadres', width: 80, render: (_, e) => figureOf.get(e.orgId)?.cadres ?? '—' },
    {
      title: '达标率',
      key: 'rate',
      width: 90,
      render: (_, e) => {
        const f = figureOf.get(e.orgId);
        return f ? percent(f.rate) : '—';
      },
    },
    {
      title: '联系点覆盖',
      key: 'coverage',
      width: 120,
      render: (_, e) => {
        const f = figureOf.get(e.orgId);
        return f ? `${f.coverage.covered}/${f.coverage.total}` : '—';
      },
    },
    {
      title: '等次',
      key: 'grade',
      width: 120,
      render: (_, e) => (
        <Select<TGrade | null>
          aria-label={`${e.name}的等次`}
          style={{ width: 90 }}
          disabled={published}
          allowClear
          value={gradeOf(e)}
          onChange={(v) => setGrades((g) => ({ ...g, [e.orgId]: v ?? null }))}
          options={GRADES.map((g) => ({ value: g, label: assessmentGradeLabels[g] }))}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }}>
        参加考核 {a.quota.assessed} 个下级组织；“优”{count('excellent')}/{a.quota.excellent}，“良”
        {count('good')}/{a.quota.good}（已评/名额）。
        {figures.data ? `达标率与覆盖截至 ${figures.data.asOf}。` : null}
        {published ? <Tag color="blue">已发布（锁定）</Tag> : null}
      </Typography.Paragraph>
      {refusal ? <Alert type="error" showIcon title={refusal} role="alert" /> : null}
      {figures.error ? <Alert type="warning" showIcon title={figures.error} /> : null}
      <StackedTable<Entry>
        rowKey="orgId"
        size="middle"
        columns={columns}
        dataSource={a.entries}
        pagination={false}
      />
      {published ? null : (
        <Flex gap={8}>
          <Button
            type="primary"
            disabled={changed.length === 0}
            onClick={() => act(() => annualApi.orgAssessments.grade(a.id, changed), '等次已保存')}
          >
            保存等次
          </Button>
          <Popconfirm
            title="发布后等次锁定，不能再修改。确定发布？"
            okText="发布"
            cancelText="取消"
            onConfirm={() => act(() => annualApi.orgAssessments.publish(a.id), '下级组织考核结果已发布')}
          >
            <Button>发布结果</Button>
          </Popconfirm>
        </Flex>
      )}
    </Flex>
  );
}
