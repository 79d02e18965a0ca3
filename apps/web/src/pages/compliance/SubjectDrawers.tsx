import type { TComplianceResult, TDashboardCadre } from '@lianxin/contracts';
import { Alert, Drawer, Flex, Grid, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LinkButton } from '../../components/LinkButton.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { complianceApi, everyPage } from './complianceApi.ts';
import { type ExportColumn, ExportTable } from './ExportTable.tsx';
import { ResultGroups } from './ResultGroups.tsx';
import { amountText } from './ResultItem.tsx';
import { ruleShort, ruleText, statusColors, statusLabels } from './rules.ts';
import { useSubjectNames } from './useSubjectNames.ts';

function useDrawerSize() {
  const screens = Grid.useBreakpoint();
  return { placement: screens.md ? ('right' as const) : ('bottom' as const), size: screens.md ? 720 : '90%' };
}

/** The subtree and day a dashboard shows, which its drill-downs evaluate again. */
export interface Evaluated {
  org: string;
  year: number;
  asOf: string;
}

const PAGE_SIZE = 15;

interface RuleDrawerProps {
  rule: string | null;
  at: Evaluated;
  onClose: () => void;
  onOpenCadre: (cadre: TDashboardCadre) => void;
  onOpenRecords: (r: TComplianceResult, subject: string) => void;
}

/**
 * One rule across the subtree: its subjects' results a page at a time from the server (unmet
 * first); a name opens the cadre, a number the records behind it.
 */
export function RuleDrawer({ rule, at, onClose, onOpenCadre, onOpenRecords }: RuleDrawerProps) {
  const [page, setPage] = useState({ rule, page: 1 });
  const current = page.rule === rule ? page.page : 1;
  const answer = useLoad(
    () =>
      rule
        ? complianceApi.results({ ...at, rule, page: current, pageSize: PAGE_SIZE })
        : Promise.resolve(undefined),
    [rule, at.org, at.year, at.asOf, current],
  );
  const list = answer.data?.items ?? [];
  const cadres = new Map((answer.data?.cadres ?? []).map((c) => [c.id, c]));
  const names = useSubjectNames(rule ? answer.data?.items : undefined);
  const subjectOf = (r: TComplianceResult) =>
    [r.cadre ? (cadres.get(r.cadre)?.name ?? r.cadre) : null, r.point ? names.get(r.point) : null]
      .concat(r.org ? [names.get(r.org) ?? r.org] : [])
      .filter(Boolean)
      .join(' · ');
  const columns: ExportColumn<TComplianceResult>[] = [
    {
      key: 'subject',
      title: '对象',
      value: subjectOf,
      render: (r) => {
        const cadre = r.cadre;
        const info = cadre ? cadres.get(cadre) : undefined;
        return info ? (
          <LinkButton onClick={() => onOpenCadre(info)}>{subjectOf(r)}</LinkButton>
        ) : (
          subjectOf(r)
        );
      },
    },
    { key: 'org', title: '所在组织', value: (r) => (r.cadre ? (cadres.get(r.cadre)?.orgName ?? '') : '') },
    {
      key: 'status',
      title: '状态',
      value: (r) => statusLabels[r.status],
      render: (r) => <Tag color={statusColors[r.status]}>{statusLabels[r.status]}</Tag>,
      sorter: true,
    },
    {
      key: 'amount',
      title: '完成 / 要求',
      value: amountText,
      render: (r) => (
        <LinkButton className="lx-result-amount" onClick={() => onOpenRecords(r, subjectOf(r))}>
          {amountText(r)}
        </LinkButton>
      ),
    },
  ];
  return (
    <Drawer
      open={rule !== null}
      onClose={onClose}
      title={rule ? ruleShort(rule, 30) : ''}
      {...useDrawerSize()}
    >
      <Flex vertical gap={12}>
        {rule ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {rule} · {ruleText(rule)}
          </Typography.Paragraph>
        ) : null}
        {answer.error ? <Alert type="error" showIcon title={answer.error} /> : null}
        <ExportTable
          title={`${answer.data?.total ?? 0} 个对象`}
          exportName={rule ? `${rule} 各对象结果` : '结果'}
          columns={columns}
          rows={list}
          loading={answer.loading}
          rowKey={(r) =>
            `${r.cadre ?? ''}|${r.point ?? ''}|${r.org ?? ''}|${r.posting ?? ''}|${r.batch ?? ''}`
          }
          pageSize={PAGE_SIZE}
          remote={{
            total: answer.data?.total ?? 0,
            page: current,
            onChange: (p) => setPage({ rule, page: p }),
            all: () =>
              everyPage(
                (page) => complianceApi.results({ ...at, rule: rule ?? '', page, pageSize: 500 }),
                500,
              ),
          }}
        />
      </Flex>
    </Drawer>
  );
}

interface CadreDrawerProps {
  cadre: TDashboardCadre | null;
  at: Evaluated;
  onClose: () => void;
  onOpenRecords: (r: TComplianceResult, subject: string) => void;
}

/** One cadre's results with the records behind them, as the cadre sees them on "my progress". */
export function CadreDrawer({ cadre, at, onClose, onOpenRecords }: CadreDrawerProps) {
  const answer = useLoad(
    () => (cadre ? complianceApi.evidence({ ...at, cadre: cadre.id }) : Promise.resolve(undefined)),
    [cadre?.id, at.org, at.year, at.asOf],
  );
  const list = answer.data?.results ?? [];
  const names = useSubjectNames(cadre ? answer.data?.results : undefined);
  const name = cadre?.name ?? '';
  return (
    <Drawer
      open={cadre !== null}
      onClose={onClose}
      title={
        cadre ? `${cadre.name} · ${cadre.orgName}${cadre.department ? ` · ${cadre.department}` : ''}` : ''
      }
      {...useDrawerSize()}
      className="lx-cadre-drawer"
    >
      {answer.error ? <Alert type="error" showIcon title={answer.error} /> : null}
      {answer.loading && !answer.data ? <Skeleton active /> : null}
      <ResultGroups
        results={list}
        year={at.year}
        asOf={at.asOf}
        pointNames={names}
        onOpenRecords={(r) =>
          onOpenRecords(r, [name, r.point ? names.get(r.point) : null].filter(Boolean).join(' · '))
        }
      />
    </Drawer>
  );
}
