/** Words and small rules about contact points (联系点) shared by the admin and phone pages. */
import { orgFieldLabels, pointCategoryLabels, type TContactPoint } from '@lianxin/contracts';
import dayjs from 'dayjs';

/** 领域 of the point organization, as the 联系点登记表 names it. */
export const fieldOf = (p: TContactPoint) => (p.orgField ? orgFieldLabels[p.orgField] : '—');

/** The cadre, or the organ (decision 6), holding a tenure. */
export const holderName = (p: TContactPoint) => p.cadreName ?? p.holderOrgName ?? '—';

export const termOf = (p: TContactPoint) => `${p.from} 至 ${p.to ?? '今'}`;

export const pointLabel = (p: TContactPoint) => `${p.orgName}${p.topic ? ` · ${p.topic}` : ''}`;

const today = () => dayjs().format('YYYY-MM-DD');

/** Held today: started and not yet ended. */
export const isCurrent = (p: TContactPoint, day = today()) => p.from <= day && (p.to === null || p.to >= day);

/** Not yet ended (a tenure starting later may still be ended or rotated). */
export const isOpen = (p: TContactPoint, day = today()) => p.to === null || p.to >= day;

/** 联系中, 未开始 or 已结束, as a tag shows it. */
export function stateOf(p: TContactPoint, day = today()): { label: string; color?: string } {
  if (isCurrent(p, day)) return { label: '联系中', color: 'green' };
  return p.from > day ? { label: '未开始', color: 'blue' } : { label: '已结束' };
}

export const currentPoints = (points: TContactPoint[] | undefined) =>
  (points ?? []).filter((p) => isCurrent(p));

/** 类别 of the 联系点登记表 as choices: 巩固、提高、整顿、新建. */
export const categoryOptions = Object.entries(pointCategoryLabels).map(([value, label]) => ({
  value,
  label,
}));
