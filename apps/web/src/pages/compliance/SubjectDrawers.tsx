import type { TComplianceResult } from '@lianxin/contracts';
import { Drawer, Flex, Grid, Tag, Typography } from 'antd';
import { LinkButton } from '../../components/LinkButton.tsx';
import type { TCadreInfo } from './dashboardData.ts';
import { type ExportColumn, ExportTable } from './ExportTable.tsx';
import { ResultGroups } from './ResultGroups.tsx';
import { amountText } from './ResultItem.tsx';
import { ruleShort, ruleText, statusColors, statusLabels } from './rules.ts';
import { useSubjectNames } from './useSubjectNames.ts';

function useDrawerSize() {
  const screens = Grid.useBreakpoint();
  return { placement: screens.md ? ('right' as const) : ('bottom' as const), size: screens.md ? 720 : '90%' };
}

interface RuleDrawerProps {
  rule: string | null;
  results: TComplianceResult[];
  cadres: Map<string, TCadreInfo>;
  onClose: () => void;
  onOpenCadre: (id: string) => void;
  onOpenRecords: (r: TComplianceResult, subject: string) => void;
}

/** One rule across the subtree: every subject's result; a name opens the cadre, a number the records. */
export function RuleDrawer({ rule, results, cadres, onClose, onOpenCadre, onOpenRecords }: RuleDrawerProps) {
  const list = rule ? results.filter((r) => r.rule === rule) : [];
  const names = useSubjectNames(rule ? list : undefined);
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
        return cadre ? (
          <LinkButton onClick={() => onOpenCadre(cadre)}>{subjectOf(r)}</LinkButton>
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
        <ExportTable
          title={`${list.length} 个对象`}
          exportName={rule ? `${rule} 各对象结果` : '结果'}
          columns={columns}
          rows={list}
          rowKey={(r) =>
            `${r.cadre ?? ''}|${r.point ?? ''}|${r.org ?? ''}|${r.posting ?? ''}|${r.batch ?? ''}`
          }
          pageSize={15}
        />
      </Flex>
    </Drawer>
  );
}

interface CadreDrawerProps {
  cadre: string | null;
  info: TCadreInfo | undefined;
  results: TComplianceResult[];
  year: number;
  asOf: string;
  onClose: () => void;
  onOpenRecords: (r: TComplianceResult, subject: string) => void;
}

/** One cadre's results, as the cadre sees them on "my progress". */
export function CadreDrawer({ cadre, info, results, year, asOf, onClose, onOpenRecords }: CadreDrawerProps) {
  const list = cadre ? results.filter((r) => r.cadre === cadre) : [];
  const names = useSubjectNames(cadre ? list : undefined);
  const name = info?.name ?? cadre ?? '';
  return (
    <Drawer
      open={cadre !== null}
      onClose={onClose}
      title={info ? `${info.name} · ${info.orgName}${info.department ? ` · ${info.department}` : ''}` : name}
      {...useDrawerSize()}
      className="lx-cadre-drawer"
    >
      <ResultGroups
        results={list}
        year={year}
        asOf={asOf}
        pointNames={names}
        onOpenRecords={(r) =>
          onOpenRecords(r, [name, r.point ? names.get(r.point) : null].filter(Boolean).join(' · '))
        }
      />
    </Drawer>
  );
}
