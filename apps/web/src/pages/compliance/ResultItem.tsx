import type { TComplianceResult } from '@lianxin/contracts';
import { Flex, Tag } from 'antd';
import { LinkButton } from '../../components/LinkButton.tsx';
import { ProgressLine } from '../../components/ProgressLine.tsx';
import { Txt } from '../../components/plain.tsx';
import {
  deadlineOf,
  dueSoonDays,
  isAdvisoryResult,
  ruleText,
  ruleUnit,
  statusChartColors,
  statusColors,
  statusLabels,
  UNREACHABLE,
  unreachable,
} from './rules.ts';

/** `3 / 4 次`, or `3 / 3–4 个` for a band "A to B". */
export function amountText(r: TComplianceResult): string {
  const unit = ruleUnit(r.rule);
  const target = r.max !== undefined && r.max !== r.required ? `${r.required}–${r.max}` : `${r.required}`;
  return `${r.actual} / ${target}${unit ? ` ${unit}` : ''}`;
}

export function barPercent(r: TComplianceResult): number {
  if (r.required <= 0) return r.actual > 0 || r.status === 'met' ? 100 : 0;
  return Math.min(100, Math.round((r.actual / r.required) * 100));
}

/** Unmet with its deadline passed: what the person has let slip, not a bound passed early. */
export function overdue(r: TComplianceResult, year: number, asOf: string): boolean {
  const due = deadlineOf(r.rule, year);
  return r.status === 'unmet' && due !== null && asOf >= due;
}

interface ResultItemProps {
  result: TComplianceResult;
  year: number;
  asOf: string;
  /** what the result speaks of besides the person, e.g. the point's organization */
  subject?: string;
  onOpenRecords: (r: TComplianceResult) => void;
}

/** One rule for one subject: the rule in words, its status, a bar of actual vs required, the records. */
export function ResultItem({ result: r, year, asOf, subject, onOpenRecords }: ResultItemProps) {
  const advisory = isAdvisoryResult(r);
  const out = unreachable(r, year, asOf);
  const left = dueSoonDays(r, year, asOf);
  return (
    <div className="lx-result" data-rule={r.rule} data-status={out ? 'unreachable' : r.status}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Txt style={{ minWidth: 0 }}>
          {ruleText(r.rule)}
          {subject ? <Txt type="secondary"> · {subject}</Txt> : null}
        </Txt>
        <Flex vertical align="flex-end" gap={4} style={{ flex: 'none' }}>
          <Tag
            color={out ? 'volcano' : statusColors[r.status]}
            style={{ marginInlineEnd: 0 }}
            title={out ? '剩余的天数已不够完成这项要求' : undefined}
          >
            {out ? UNREACHABLE : statusLabels[r.status]}
          </Tag>
          {advisory ? (
            <Tag color="gold" title="提示性要求，不计入考核" style={{ marginInlineEnd: 0 }}>
              提示
            </Tag>
          ) : null}
        </Flex>
      </Flex>
      {r.status === 'not_applicable' ? null : (
        <ProgressLine
          percent={barPercent(r)}
          showInfo={false}
          size="small"
          strokeColor={statusChartColors[r.status]}
          aria-label={`${statusLabels[r.status]}：${amountText(r)}`}
          style={{ margin: '4px 0 0' }}
        />
      )}
      <Flex justify="space-between" align="center" gap={8} wrap>
        <LinkButton
          className="lx-result-amount"
          aria-label={`查看计入的记录：${amountText(r)}`}
          onClick={() => onOpenRecords(r)}
        >
          {amountText(r)}
        </LinkButton>
        <span>
          {overdue(r, year, asOf) ? <Txt type="danger">已逾期</Txt> : null}
          {left !== null ? (
            <Txt type={out ? 'danger' : 'warning'}>
              {left === 0 ? '今天截止' : `还剩 ${left} 天`}
              {out ? `，还差 ${r.required - r.actual} 天，不可能达标` : ''}
            </Txt>
          ) : null}
          {r.exemption ? <Txt type="secondary">已批准豁免</Txt> : null}
        </span>
      </Flex>
    </div>
  );
}
