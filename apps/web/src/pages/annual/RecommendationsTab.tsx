import type { TRecommendation } from '@lianxin/contracts';
import { Alert, Button, Flex, InputNumber, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { StackedTable } from '../../components/StackedTable.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { attempt } from './attempt.ts';
import { DepartmentInput } from './DepartmentInput.tsx';

/**
 * 推荐优秀调研报告: what each county and department recommended against its floor (≥ 2 and ≥ 1),
 * and the scores of the selection round (评选).
 */
export function RecommendationsTab({
  year,
  orgId,
  orgName,
}: {
  year: number;
  orgId: string;
  orgName: string;
}) {
  const list = useLoad(() => annualApi.recommendations.list(year, orgId), [year, orgId]);

  async function score(r: TRecommendation, value: number | null) {
    if (value === null || value === r.score) return;
    if (await attempt(() => annualApi.recommendations.score(r.id, value), '评分已保存')) list.reload();
  }

  return (
    <Flex vertical gap={12}>
      {list.error ? <Alert type="error" showIcon title={list.error} /> : null}
      <Flex gap={8} wrap>
        {(list.data?.units ?? []).map((u) => (
          <Tag key={`${u.orgId}/${u.department ?? ''}`} color={u.count >= u.required ? 'green' : 'orange'}>
            {u.department ?? (u.orgId === orgId ? orgName : u.orgId)}：已推荐 {u.count} 篇 / 至少 {u.required}{' '}
            篇
          </Tag>
        ))}
      </Flex>
      <RecommendForm year={year} orgId={orgId} onDone={list.reload} />
      <StackedTable<TRecommendation>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '尚未推荐调研报告' }}
        columns={[
          { title: '序号', key: 'i', width: 60, render: (_, __, i) => i + 1 },
          { title: '报告', dataIndex: 'title' },
          { title: '作者', dataIndex: 'cadreName', width: 110 },
          {
            title: '推荐单位',
            key: 'unit',
            width: 160,
            render: (_, r) => r.department ?? (r.orgId === orgId ? orgName : r.orgId),
          },
          { title: '推荐日期', dataIndex: 'recommendedOn', width: 110 },
          {
            title: '评选得分',
            key: 'score',
            width: 120,
            render: (_, r) => (
              <InputNumber
                aria-label={`${r.title}的得分`}
                min={0}
                max={100}
                defaultValue={r.score ?? undefined}
                onBlur={(e) => score(r, e.target.value === '' ? null : Number(e.target.value))}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}

/** Recommend a cadre's submitted report in the name of this organization or one of its departments. */
function RecommendForm({ year, orgId, onDone }: { year: number; orgId: string; onDone: () => void }) {
  const roster = useLoad(() => annualApi.roster(year, orgId, 'task_list'), [year, orgId]);
  const [cadreId, setCadreId] = useState<string | null>(null);
  const [department, setDepartment] = useState('');
  const research = useLoad(
    async () => (cadreId ? annualApi.research.get(year, cadreId) : null),
    [year, cadreId],
  );
  const report = research.data?.report ?? null;

  async function recommend() {
    if (!report) return;
    const body = { orgId, department: department.trim() || undefined, activityId: report.activityId };
    if (await attempt(() => annualApi.recommendations.recommend(year, body), '已推荐')) onDone();
  }

  return (
    <Flex gap={8} align="center" wrap>
      <Select
        aria-label="作者"
        showSearch
        optionFilterProp="label"
        style={{ width: 160 }}
        placeholder="选择团干部"
        value={cadreId}
        onChange={setCadreId}
        options={(roster.data?.items ?? []).map((c) => ({ value: c.cadreId, label: c.cadreName }))}
      />
      <Typography.Text type={report ? undefined : 'secondary'}>
        {cadreId ? (report ? `《${report.title}》` : '未提交调研报告') : ''}
      </Typography.Text>
      <DepartmentInput
        label="推荐部室"
        placeholder="推荐部室（单位推荐留空）"
        value={department}
        onChange={setDepartment}
      />
      <Button disabled={!report} onClick={recommend}>
        推荐该报告
      </Button>
    </Flex>
  );
}
