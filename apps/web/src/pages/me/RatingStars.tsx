import { Rate } from 'antd';

/** The youths' average as read-only stars, to the half star. */
export function RatingStars({ average }: { average: number }) {
  return <Rate disabled allowHalf value={Math.round(average * 2) / 2} style={{ fontSize: 16 }} />;
}
