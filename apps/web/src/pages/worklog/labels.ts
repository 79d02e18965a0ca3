/** Chinese names of the work log's enumerations (docs/interchange.md), and one-line summaries. */
import type { TActivitySummary, TActivityType, TLedgerActivity, TProblemStatus } from '@lianxin/contracts';

type Of<T extends TActivityType, K extends string> = Extract<TLedgerActivity, { type: T }>[K &
  keyof Extract<TLedgerActivity, { type: T }>];

export const talkModeLabels: Record<Of<'talk', 'mode'>, string> = {
  face_to_face: '面对面',
  phone: '电话',
  online: '线上',
};

export const channelLabels: Record<Of<'online', 'channel'>, string> = {
  wechat: '微信',
  qq: 'QQ',
  weibo: '微博',
  phone: '电话',
  other: '其他',
};

export const eventKindLabels: Record<Of<'event', 'kind'>, string> = {
  culture_sports: '文体',
  social: '交友',
  skills: '技能',
  volunteer: '志愿',
  other: '其他',
};

export const workItemStatusLabels: Record<Of<'work_item', 'status'>, string> = {
  planned: '计划中',
  in_progress: '推进中',
  done: '已完成',
};

export const problemStatusLabels: Record<TProblemStatus, string> = {
  open: '待处理',
  in_progress: '处理中',
  resolved: '已解决',
  escalated: '已上报',
};

export const problemStatusColors: Record<TProblemStatus, string> = {
  open: 'red',
  in_progress: 'orange',
  resolved: 'green',
  escalated: 'blue',
};

/** 2026-03-02 or 2026-03-02 至 2026-03-08 */
export function whenOf(a: { date?: string | null; start?: string | null; end?: string | null }): string {
  if (a.start && a.end) return a.start === a.end ? a.start : `${a.start} 至 ${a.end}`;
  return a.date ?? a.start ?? '未定日期';
}

/** The line under an activity's type: its own fields in words. */
export function detailLine(s: TActivitySummary): string {
  const parts: string[] = [];
  if (s.title) parts.push(s.title);
  if (s.type === 'visit' && s.onSiteDays !== null) parts.push(`在点 ${s.onSiteDays} 天`);
  if (s.type === 'problem' && s.status)
    parts.push(problemStatusLabels[s.status as TProblemStatus] ?? s.status);
  if (s.type === 'work_item' && s.status)
    parts.push(workItemStatusLabels[s.status as keyof typeof workItemStatusLabels] ?? s.status);
  if (s.contactIds.length > 0) parts.push(`联系青年 ${s.contactIds.length} 人`);
  if (s.note) parts.push(s.note);
  return parts.join(' · ');
}

/** The fields of a full activity in words, for its detail view. */
export function activityFields(a: TLedgerActivity): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  const add = (label: string, value: string | number | undefined | null) => {
    if (value !== undefined && value !== null && value !== '') rows.push({ label, value: String(value) });
  };
  if ('start' in a) add('日期', whenOf(a));
  else if ('date' in a) add('日期', a.date);
  switch (a.type) {
    case 'visit':
      add('在途天数', a.travelDays);
      break;
    case 'lecture':
      add('听众人数', a.audience);
      break;
    case 'talk':
      add('谈话方式', talkModeLabels[a.mode]);
      add('集体谈话人数', a.attendees);
      break;
    case 'online':
      add('渠道', channelLabels[a.channel]);
      break;
    case 'event':
      add('活动类别', eventKindLabels[a.kind]);
      break;
    case 'practical_help':
      add('办理结果', a.outcome);
      break;
    case 'work_item':
      add('名称', a.title);
      add('状态', workItemStatusLabels[a.status]);
      break;
    case 'case':
    case 'article':
    case 'system':
    case 'research_report':
      add('标题', a.title);
      break;
    case 'open_day':
      add('参加人数', a.attendees);
      break;
    case 'problem':
      add('问题', a.title);
      add('状态', problemStatusLabels[a.status]);
      add('办理期限', a.dueOn);
      break;
  }
  add('备注', a.note);
  return rows;
}
