import type { TAssessment, TDashboardLaggard, TGrade } from '@lianxin/contracts';
import { assessmentGradeLabels } from '@lianxin/domain';
import {
  Alert,
  Button,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { LinkButton } from '../../components/LinkButton.tsx';
import { StackedTable } from '../../components/StackedTable.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { describeError, toastError, toastSuccess } from '../../feedback.ts';
import { complianceApi } from '../compliance/complianceApi.ts';
import { CadrePackDrawer } from './CadrePackDrawer.tsx';
import { DepartmentInput } from './DepartmentInput.tsx';
import { MutualReviewModal } from './MutualReviewModal.tsx';

type Entry = TAssessment['entries'][number];
const GRADES: TGrade[] = ['excellent', 'good', 'fair', 'poor'];

/** 年底考核 of the organization's assessing units: grades under quota, spot checks, publish and unlock. */
export function AssessmentTab({ year, orgId }: { year: number; orgId: string }) {
  const list = useLoad(() => annualApi.assessments.list(year, orgId), [year, orgId]);
  const units = (list.data?.items ?? []).filter((a) => a.orgId === orgId);
  const [unitId, setUnitId] = useState<string | null>(null);
  const current = units.find((a) => a.id === unitId) ?? units[0] ?? null;
  const [department, setDepartment] = useState('');

  async function start() {
    try {
      const a = await annualApi.assessments.create(year, {
        orgId,
        department: department.trim() || undefined,
      });
      setUnitId(a.id);
      list.reload();
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <Flex vertical gap={12}>
      {list.error ? <Alert type="error" showIcon title={list.error} /> : null}
      <Flex gap={8} wrap align="center">
        {units.length > 1 ? (
          <Segmented
            value={current?.id}
            onChange={(v) => setUnitId(String(v))}
            options={units.map((a) => ({ value: a.id, label: a.department ?? a.orgName }))}
          />
        ) : null}
        <DepartmentInput
          label="考核部室"
          placeholder="部室（整个单位留空）"
          value={department}
          onChange={setDepartment}
        />
        <Button onClick={start}>启动考核</Button>
      </Flex>
      {units.length === 0 && list.data ? (
        <Typography.Text type="secondary">
          启动考核：本单位（或所填部室）当前在职的团干部参加 {year}{' '}
          年度考核，名单随即固定；此后评定等次（“优”不超过 30%、“良”不超过
          50%，向下取整）、录入互评、抽查联系青年，全部评定后发布结果并锁定。
        </Typography.Text>
      ) : null}
      {current ? <AssessmentUnit key={current.id} initial={current} onChanged={list.reload} /> : null}
    </Flex>
  );
}

/** Every page of the organization's own cadres' figures (one page unless it has over 200 cadres). */
async function ownCadreFigures(org: string, year: number): Promise<TDashboardLaggard[]> {
  const pageSize = 200;
  const items: TDashboardLaggard[] = [];
  for (let page = 1; ; page++) {
    const { laggards } = await complianceApi.dashboard({
      org,
      year,
      laggardsOwn: true,
      laggardPage: page,
      laggardPageSize: pageSize,
    });
    items.push(...laggards.items);
    if (page * pageSize >= laggards.total) return items;
  }
}

function AssessmentUnit({ initial, onChanged }: { initial: TAssessment; onChanged: () => void }) {
  const [a, setA] = useState(initial);
  const [grades, setGrades] = useState<Record<string, TGrade | null>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [unlocking, setUnlocking] = useState(false);
  const [reason, setReason] = useState('');
  const [openCadre, setOpenCadre] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const openEntry = a.entries.find((e) => e.cadreId === openCadre);
  useEffect(() => setA(initial), [initial]);
  const published = a.status === 'published';
  // each cadre's rules of the year beside their grade: the 达标看板's figures of the organization's
  // own cadres (those it assesses), not its whole subtree's
  const figures = useLoad(() => ownCadreFigures(a.orgId, a.year), [a.orgId, a.year]);
  const figureOf = new Map((figures.data ?? []).map((l) => [l.cadre.id, l]));

  const reload = () =>
    annualApi.assessments
      .list(a.year, a.orgId)
      .then((l) => {
        const next = l.items.find((x) => x.id === a.id);
        if (next) setA(next);
      })
      .catch(toastError);

  async function act(work: () => Promise<TAssessment>, done: string) {
    try {
      setA(await work());
      setRefusal(null);
      setGrades({});
      toastSuccess(done);
      onChanged();
    } catch (e) {
      // a grading over quota is refused with the count: keep it on the page, not only in a toast
      setRefusal(describeError(e));
    }
  }

  const changed = Object.entries(grades).map(([cadreId, grade]) => ({ cadreId, grade }));
  const gradeOf = (e: Entry) => (e.cadreId in grades ? grades[e.cadreId] : e.grade);
  const count = (g: TGrade) => a.entries.filter((e) => gradeOf(e) === g).length;
  const columns: TableColumnsType<Entry> = [
    { title: '序号', key: 'i', width: 60, render: (_, __, i) => i + 1 },
    { title: '姓名', dataIndex: 'cadreName', width: 120 },
    {
      title: '等次',
      key: 'grade',
      width: 120,
      render: (_, e) => (
        <Select<TGrade | null>
          aria-label={`${e.cadreName}的等次`}
          style={{ width: 90 }}
          disabled={published}
          allowClear
          value={gradeOf(e)}
          onChange={(v) => setGrades((g) => ({ ...g, [e.cadreId]: v ?? null }))}
          options={GRADES.map((g) => ({ value: g, label: assessmentGradeLabels[g] }))}
        />
      ),
    },
    {
      title: '规则达标',
      key: 'compliance',
      width: 130,
      render: (_, e) => {
        const f = figureOf.get(e.cadreId);
        if (!f) return '—';
        const graded = f.counts.met + f.counts.unmet + f.counts.in_progress;
        return (
          <span title={f.unmetRules.length > 0 ? `未达标 ${f.unmetRules.length} 项` : undefined}>
            {f.counts.met}/{graded} 项
            {f.counts.unmet > 0 ? (
              <Tag color="red" style={{ marginLeft: 4 }}>
                未达标 {f.counts.unmet}
              </Tag>
            ) : null}
          </span>
        );
      },
    },
    { title: '互评平均分', dataIndex: 'mutualScore', width: 110, render: (s: number | null) => s ?? '—' },
    {
      title: '考核材料与抽查',
      key: 'spot',
      width: 200,
      render: (_, e) => (
        <Flex gap={8} align="center">
          {e.spotChecks.length > 0
            ? `已抽 ${e.spotChecks.length} 人，确认 ${e.spotChecks.filter((c) => c.confirmed).length} 人`
            : '未抽查'}
          <LinkButton aria-label={`${e.cadreName}的考核材料`} onClick={() => setOpenCadre(e.cadreId)}>
            查看
          </LinkButton>
        </Flex>
      ),
    },
    {
      title: '约谈',
      key: 'talk',
      width: 110,
      render: (_, e) =>
        e.talkRequired ? <Tag color="red">{e.talkHeldOn ? `已约谈 ${e.talkHeldOn}` : '须约谈'}</Tag> : '—',
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }}>
        {a.department ?? a.orgName}：参加考核 {a.quota.assessed} 人，“优”不超过 {a.quota.excellent}{' '}
        人，“良”不超过 {a.quota.good} 人。{published ? <Tag color="blue">已发布（锁定）</Tag> : null}
      </Typography.Paragraph>
      <Typography.Text aria-live="polite">
        当前评定：“优”{count('excellent')}/{a.quota.excellent}，“良”{count('good')}/{a.quota.good}，“中”
        {count('fair')}，“差”{count('poor')}，未评 {a.entries.filter((e) => gradeOf(e) === null).length}
      </Typography.Text>
      {refusal ? <Alert type="error" showIcon title={refusal} role="alert" /> : null}
      <StackedTable<Entry>
        rowKey="cadreId"
        size="middle"
        columns={columns}
        dataSource={a.entries}
        pagination={false}
      />
      <Flex gap={8}>
        {published ? (
          <Button onClick={() => setUnlocking(true)}>解锁</Button>
        ) : (
          <>
            <Button
              type="primary"
              disabled={changed.length === 0}
              onClick={() => act(() => annualApi.assessments.grade(a.id, changed), '等次已保存')}
            >
              保存等次
            </Button>
            <Popconfirm
              title="发布后考核结果锁定，修改须解锁并记录原因。确定发布？"
              okText="发布"
              cancelText="取消"
              onConfirm={() => act(() => annualApi.assessments.publish(a.id), '考核结果已发布')}
            >
              <Button>发布结果</Button>
            </Popconfirm>
            <Button onClick={() => setReviewing(true)}>录入互评</Button>
          </>
        )}
      </Flex>
      {openEntry ? (
        <CadrePackDrawer
          assessment={a}
          entry={openEntry}
          onClose={() => setOpenCadre(null)}
          onChanged={reload}
        />
      ) : null}
      {reviewing ? (
        <MutualReviewModal
          assessment={a}
          onClose={() => setReviewing(false)}
          onSaved={(next) => {
            setReviewing(false);
            setA(next);
          }}
        />
      ) : null}
      <Modal
        title="解锁已发布的考核结果"
        open={unlocking}
        okText="解锁"
        okButtonProps={{ disabled: reason.trim().length < 4 }}
        onOk={() => {
          setUnlocking(false);
          void act(() => annualApi.assessments.unlock(a.id, reason.trim()), '已解锁');
        }}
        onCancel={() => setUnlocking(false)}
      >
        <Input.TextArea
          aria-label="解锁原因"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="解锁原因（记入操作日志）"
        />
      </Modal>
    </Flex>
  );
}
