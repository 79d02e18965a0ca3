import { Alert, Flex } from 'antd';
import { api } from '../../api/endpoints.ts';
import { ProgressLine } from '../../components/ProgressLine.tsx';
import { Panel, Txt } from '../../components/plain.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { onDemand } from '../../onDemand.tsx';

// The stars load only once there are ratings to show, not with the card page.
const RatingStars = onDemand(() => import('./RatingStars.tsx').then((m) => m.RatingStars));

/**
 * 满意度 from the youths' ratings on the cadre's cards, and the card messages answered: on the
 * cadre's own card page and in the admin's drawer of the cadre's work.
 */
export function CardFeedback({ cadreId }: { cadreId: string }) {
  const loaded = useLoad(() => api.cards.feedback(cadreId), [cadreId]);
  const f = loaded.data;
  return (
    <Panel title="满意度" data-testid="card-feedback">
      {loaded.error ? <Alert type="error" showIcon title={loaded.error} /> : null}
      {f ? (
        <Flex vertical gap={8}>
          {f.average === null ? (
            <Txt type="secondary">青年还没有评价。</Txt>
          ) : (
            <Flex align="center" gap={8} wrap>
              <RatingStars average={f.average} />
              <Txt>
                <b>{f.average.toFixed(1)}</b> 分 · {f.ratings} 次评价
              </Txt>
            </Flex>
          )}
          <Txt>
            名片留言 <b>{f.messages}</b> 条，已回复 <b>{f.replied}</b> 条
          </Txt>
          {f.messages > 0 ? (
            <ProgressLine
              percent={Math.round((f.replied / f.messages) * 100)}
              size="small"
              strokeColor="#c41d1d"
              format={(p) => `回复 ${p}%`}
            />
          ) : null}
          {f.recent.map((r) => (
            <Txt key={r.id} type="secondary">
              {r.ratedOn} · {r.score} 分 · “{r.comment}”
            </Txt>
          ))}
        </Flex>
      ) : null}
    </Panel>
  );
}
