import type { TPostingPlanView } from '@lianxin/contracts';
import { Card, List } from 'antd';
import { zhPart } from '../../feedback.ts';

/**
 * 未参加编排: the organs' cadres not in the plan, each with why — part-time cadres the planner never
 * sees, and those it saw but could not place — so nobody goes missing without a word.
 */
export function LeftOutCard({ plan }: { plan: TPostingPlanView }) {
  const people = [
    ...plan.unassigned.map((u) => ({ ...u, reason: `未能安排：${zhPart(u.reason)}` })),
    ...plan.leftOut.map((l) => ({ ...l, reason: zhPart(l.reason) })),
  ];
  if (people.length === 0) return null;
  return (
    <Card
      size="small"
      title={`未参加编排 ${people.length} 人`}
      style={{ marginTop: 12 }}
      data-testid="left-out"
    >
      <List
        size="small"
        dataSource={people}
        renderItem={(p) => (
          <List.Item key={p.cadre}>
            <List.Item.Meta title={p.cadreName} description={p.reason} />
          </List.Item>
        )}
      />
    </Card>
  );
}
