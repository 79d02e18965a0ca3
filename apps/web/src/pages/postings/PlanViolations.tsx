import type { TPlanViolation, TPostingPlanView } from '@lianxin/contracts';
import { Alert, Descriptions, Flex, Typography } from 'antd';
import { zhPart } from '../../feedback.ts';

const scoreLabels: Record<string, string> = {
  total: '总分',
  mixedGroups: '混编小组比例',
  countyCoverage: '县域覆盖',
  departmentsKept: '部室不空岗',
  preferencesHonoured: '批次意愿满足',
  monthsAsProposed: '工作时间按建议',
};

/** Each violation in its Chinese words, and under it what would mend it. */
function ViolationList({ items }: { items: TPlanViolation[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {items.map((v) => (
        <li key={`${v.rule}-${v.subject}-${v.message}`}>
          {zhPart(v.message)}
          <div>
            <Typography.Text type="secondary">怎么改：{v.fix}</Typography.Text>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The plan's violations, hard first, and its soft score: what the admin reads after each move. */
export function PlanViolations({ plan }: { plan: TPostingPlanView }) {
  const hard = plan.violations.filter((v) => v.hard);
  const soft = plan.violations.filter((v) => !v.hard);
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      {hard.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="hard-violations"
          title={`违反硬性规则 ${hard.length} 处，修正后才能发布`}
          description={<ViolationList items={hard.slice(0, 20)} />}
        />
      ) : (
        <Alert type="success" showIcon title="没有违反硬性规则，可以发布" />
      )}
      {soft.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="soft-violations"
          title={`可改进之处 ${soft.length} 处（不影响发布）`}
          description={<ViolationList items={soft.slice(0, 5)} />}
        />
      ) : null}
      <Descriptions
        size="small"
        column={{ xs: 2, sm: 3, lg: 6 }}
        items={Object.entries(scoreLabels)
          .filter(([k]) => k in plan.score)
          .map(([k, label]) => ({ key: k, label, children: (plan.score[k] ?? 0).toFixed(2) }))}
      />
    </Flex>
  );
}
