import type { TComplianceRecord, TComplianceResult } from '@lianxin/contracts';
import { Alert, Card, Col, Empty, Row, Skeleton, Tag, Tree, type TreeDataNode } from 'antd';
import { useMemo } from 'react';
import { useLoad } from '../../components/useLoad.ts';
import { complianceApi } from './complianceApi.ts';
import { type ExportColumn, ExportTable } from './ExportTable.tsx';
import { groupBy, percent } from './rules.ts';

export const COVERAGE_RULE = 'cyl2014.province_coverage';

type Coverage = 'covered' | 'uncovered' | 'doubly';
const coverageLabels: Record<Coverage, string> = {
  covered: '已覆盖',
  uncovered: '未覆盖',
  doubly: '重复覆盖',
};
const coverageColors: Record<Coverage, string> = { covered: 'green', uncovered: 'red', doubly: 'orange' };

interface County {
  id: string;
  name: string;
  province: string;
  prefectureId: string | null;
  prefecture: string;
  coverage: Coverage;
}

interface ProvinceRow {
  id: string;
  name: string;
  total: number;
  covered: number;
  uncovered: number;
  doubly: number;
}

type OrgRecord = Extract<TComplianceRecord, { kind: 'organization' }>;

/**
 * 县级团委覆盖 (cyl2014.province_coverage, decision 23: a tree and tables, no map): every county of
 * each province under its prefecture, covered once, not at all, or by two or more cadres.
 */
export function CoveragePanel({ results }: { results: TComplianceResult[] }) {
  const coverage = results.filter((r) => r.rule === COVERAGE_RULE && r.org !== null);
  const ids = useMemo(
    () =>
      [
        ...new Set(
          coverage.flatMap((r) => [r.org as string, ...(r.evidence ?? []), ...(r.detail?.uncovered ?? [])]),
        ),
      ].sort(),
    [coverage],
  );
  const key = ids.join(',');
  const orgs = useLoad(
    () => (ids.length > 0 ? complianceApi.records(ids) : Promise.resolve({ items: [], withheld: [] })),
    [key],
  );
  const byId = useMemo(
    () =>
      new Map(
        (orgs.data?.items ?? [])
          .filter((r): r is OrgRecord => r.kind === 'organization')
          .map((r) => [r.id, r.organization]),
      ),
    [orgs.data],
  );

  const counties: County[] = coverage.flatMap((r) => {
    const province = byId.get(r.org as string)?.name ?? (r.org as string);
    const doubly = new Set(r.detail?.doubly ?? []);
    const one = (id: string, coverage: Coverage): County => {
      const o = byId.get(id);
      const underProvince = !o?.parentId || o.parentId === r.org;
      return {
        id,
        name: o?.name ?? id,
        province,
        prefectureId: underProvince ? null : (o?.parentId ?? null),
        prefecture: underProvince ? '省直辖' : (o?.parentName ?? ''),
        coverage,
      };
    };
    return [
      ...(r.evidence ?? []).map((id) => one(id, doubly.has(id) ? 'doubly' : 'covered')),
      ...(r.detail?.uncovered ?? []).map((id) => one(id, 'uncovered')),
    ];
  });

  if (coverage.length === 0)
    return (
      <Card>
        <Empty description="本组织及下级未执行《基层联系点制度》（中青办发〔2014〕16号），没有县级团委覆盖统计" />
      </Card>
    );
  if (orgs.error) return <Alert type="error" showIcon title={orgs.error} />;
  if (!orgs.data) return <Skeleton active />;

  const provinces: ProvinceRow[] = coverage.map((r) => {
    const uncovered = r.detail?.uncovered?.length ?? 0;
    const covered = r.evidence?.length ?? 0;
    return {
      id: r.org as string,
      name: byId.get(r.org as string)?.name ?? (r.org as string),
      total: covered + uncovered,
      covered,
      uncovered,
      doubly: r.detail?.doubly?.length ?? 0,
    };
  });
  const problems = counties.filter((c) => c.coverage !== 'covered');

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card size="small" title="覆盖树（省 → 市 → 县）">
          <Tree
            treeData={coverageTree(provinces, counties)}
            // provinces, and the prefectures where a county is covered twice
            defaultExpandedKeys={[
              ...provinces.map((p) => p.id),
              ...counties.filter((c) => c.coverage === 'doubly').map(prefectureKey),
            ]}
            height={520}
            selectable={false}
            className="lx-coverage-tree"
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <ExportTable
          title="分省覆盖情况"
          exportName="分省县级团委覆盖情况"
          columns={provinceColumns}
          rows={provinces}
          rowKey={(r) => r.id}
        />
        <div style={{ height: 16 }} />
        <ExportTable
          title={`未覆盖和重复覆盖的县（${problems.length}）`}
          exportName="未覆盖和重复覆盖的县"
          columns={countyColumns}
          rows={problems}
          rowKey={(r) => r.id}
        />
      </Col>
    </Row>
  );
}

const provinceColumns: ExportColumn<ProvinceRow>[] = [
  { key: 'name', title: '省份', value: (r) => r.name },
  { key: 'total', title: '县级团委数', value: (r) => r.total, sorter: true },
  { key: 'covered', title: '已覆盖', value: (r) => r.covered, sorter: true },
  { key: 'uncovered', title: '未覆盖', value: (r) => r.uncovered, sorter: true },
  { key: 'doubly', title: '重复覆盖', value: (r) => r.doubly, sorter: true },
  {
    key: 'rate',
    title: '覆盖率',
    value: (r) => percent(r.total === 0 ? null : r.covered / r.total),
  },
];

const countyColumns: ExportColumn<County>[] = [
  { key: 'name', title: '县级团委', value: (c) => c.name },
  { key: 'prefecture', title: '所属地市', value: (c) => c.prefecture },
  { key: 'province', title: '省份', value: (c) => c.province },
  {
    key: 'coverage',
    title: '情况',
    value: (c) => coverageLabels[c.coverage],
    render: (c) => <Tag color={coverageColors[c.coverage]}>{coverageLabels[c.coverage]}</Tag>,
  },
];

function prefectureKey(c: County): string {
  return `${c.province}/${c.prefectureId ?? c.prefecture}`;
}

function coverageTree(provinces: ProvinceRow[], counties: County[]): TreeDataNode[] {
  const byProvince = groupBy(counties, (c) => c.province);
  return provinces.map((p) => ({
    key: p.id,
    title: `${p.name}（覆盖 ${p.covered}/${p.total}，未覆盖 ${p.uncovered}，重复 ${p.doubly}）`,
    children: [...groupBy(byProvince.get(p.name) ?? [], (c) => c.prefecture)].map(([prefecture, list]) => ({
      key: list[0] ? prefectureKey(list[0]) : `${p.id}/${prefecture}`,
      title: `${prefecture}（${list.filter((c) => c.coverage !== 'uncovered').length}/${list.length}）`,
      children: list.map((c) => ({
        key: c.id,
        isLeaf: true,
        title: (
          <span data-county={c.id}>
            {c.name} <Tag color={coverageColors[c.coverage]}>{coverageLabels[c.coverage]}</Tag>
          </span>
        ),
      })),
    })),
  }));
}
