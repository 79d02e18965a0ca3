import { Alert, Card, Flex, Progress, Rate, Typography } from 'antd';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../components/useLoad.ts';

/**
 * 满意度 from the youths' ratings on the cadre's cards, and the card messages answered: on the
 * cadre's own card page and in the admin's drawer of the cadre's work.
 */
export function CardFeedback({ cadreId }: { cadreId: string }) {
  const loaded = useLoad(() => api.cards.feedback(cadreId), [cadreId]);
  const f = loaded.data;
  return (
    <Card size="small" title="满意度" data-testid="card-feedback">
      {loaded.error ? <Alert type="error" showIcon title={loaded.error} /> : null}
      {f ? (
        <Flex vertical gap={8}>
          {f.average === null ? (
            <Typography.Text type="secondary">青年还没有评价。</Typography.Text>
          ) : (
            <Flex align="center" gap={8} wrap>
              <Rate disabled allowHalf value={Math.round(f.average * 2) / 2} style={{ fontSize: 16 }} />
              <Typography.Text>
                <b>{f.average.toFixed(1)}</b> 分 · {f.ratings} 次评价
              </Typography.Text>
            </Flex>
          )}
          <Typography.Text>
            名片留言 <b>{f.messages}</b> 条，已回复 <b>{f.replied}</b> 条
          </Typography.Text>
          {f.messages > 0 ? (
            <Progress
              percent={Math.round((f.replied / f.messages) * 100)}
              size="small"
              strokeColor="#c41d1d"
              format={(p) => `回复 ${p}%`}
            />
          ) : null}
          {f.recent.map((r) => (
            <Typography.Text key={r.id} type="secondary">
              {r.ratedOn} · {r.score} 分 · “{r.comment}”
            </Typography.Text>
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}
