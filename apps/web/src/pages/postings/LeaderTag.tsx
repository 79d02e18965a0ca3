import { Tag } from 'antd';

/** 牵头人 after a member's name or posting, when that posting leads its group. */
export function LeaderTag({ leader }: { leader: boolean }) {
  return leader ? (
    <Tag color="gold" style={{ marginLeft: 6 }}>
      牵头人
    </Tag>
  ) : null;
}
