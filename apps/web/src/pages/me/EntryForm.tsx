import { CheckCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import {
  activityTypeLabels,
  type TActivityType,
  type TComplianceResult,
  type TLedgerActivity,
} from '@lianxin/contracts';
import { Button, Flex, Spin, theme } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { ScreenHeading, Txt } from '../../components/plain.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { complianceApi } from '../compliance/complianceApi.ts';
import { currentPoints, pointLabel } from '../points/points.ts';
import { isOffline, newActivityId, saveDraft } from '../worklog/drafts.ts';
import {
  type EntryValues,
  entryBody,
  entryPatch,
  entryValues,
  entryWhen,
  entryYear,
  visitProblemBodies,
} from '../worklog/entryBody.ts';
import { EntryFields } from './EntryFields.tsx';
import type { ProgressChange } from './progressChange.ts';

/** What the entry did: the dates it was given, the problems it raised, its change to my progress. */
interface Saved {
  kind: 'saved' | 'draft';
  when: string;
  problems: number;
  /** null: the progress could not be read (offline, or no rule in force) */
  changes: ProgressChange[] | null;
}

/** The cadre's own results of a year, or null when they cannot be read now. */
async function myResults(year: number, cadreId: string): Promise<TComplianceResult[] | null> {
  try {
    return (await complianceApi.evaluate({ year })).results.filter((r) => r.cadre === cadreId);
  } catch {
    return null;
  }
}

/** What one entry changed in my progress; the rules' labels load after the save, not with the form. */
async function changesBetween(
  before: TComplianceResult[] | null,
  after: TComplianceResult[] | null,
  cadreId: string,
): Promise<ProgressChange[] | null> {
  if (!before || !after) return null;
  try {
    const { progressChanges } = await import('./progressChange.ts');
    return progressChanges(before, after, cadreId);
  } catch {
    return null;
  }
}

/**
 * One short form for one type, with defaults (today, 面对面, my only current point). 保存 posts the
 * activity with an id made here; without a network it becomes a draft synced later. Given a stored
 * `record`, the same form corrects it: 保存修改 sends the change (online only) and calls `onSaved`.
 */
export function EntryForm({
  type,
  cadreId,
  accountId,
  record,
  onSaved,
  onCancel,
}: {
  type: TActivityType;
  cadreId: string;
  accountId: string;
  record?: TLedgerActivity;
  onSaved?: () => void;
  onCancel?: () => void;
}) {
  const [done, setDone] = useState<Saved | null>(null);
  const contacts = useLoad(() => api.contacts.list({ cadre: cadreId, pageSize: 500 }), [cadreId]);
  const points = useLoad(() => api.points.list({ cadre: cadreId }), [cadreId]);
  const cadre = useLoad(
    () => (type === 'open_day' ? api.cadres.get(cadreId) : Promise.resolve(null)),
    [type, cadreId],
  );
  // a record being corrected keeps its point, even one whose tenure has ended
  const mine = useMemo(() => {
    const all = points.data?.items ?? [];
    const current = currentPoints(all);
    const kept = all.find((p) => p.id === record?.point);
    return kept && !current.includes(kept) ? [kept, ...current] : current;
  }, [points.data, record?.point]);
  const label = activityTypeLabels[type];

  const create = async (values: EntryValues) => {
    const body = entryBody(type, values, newActivityId(), cadreId);
    const problems = type === 'visit' ? visitProblemBodies(values, cadreId, newActivityId) : [];
    const when = entryWhen(type, values);
    const year = entryYear(type, values);
    const before = await myResults(year, cadreId);
    try {
      await api.activities.create(body);
    } catch (error) {
      if (!isOffline(error)) throw error;
      for (const b of [body, ...problems]) saveDraft(accountId, b);
      setDone({ kind: 'draft', when, problems: problems.length, changes: null });
      return;
    }
    // the visit is kept; each problem it found is raised after it (a failure is said, not lost)
    let raised = 0;
    for (const b of problems) {
      try {
        await api.activities.create(b);
        raised += 1;
      } catch (error) {
        if (isOffline(error)) saveDraft(accountId, b);
        else toastError(error);
      }
    }
    const after = before ? await myResults(year, cadreId) : null;
    setDone({ kind: 'saved', when, problems: raised, changes: await changesBetween(before, after, cadreId) });
  };

  // a correction is not kept as a draft: the drafts replay creations only
  const correct = async (stored: TLedgerActivity, values: EntryValues) => {
    await api.activities.update(stored.id, entryPatch(type, values));
    toastSuccess('已保存修改');
    onSaved?.();
  };

  if (done) return <SavedScreen done={done} label={label} />;

  const title = record ? null : <ScreenTitle back="/me/log">{`记一笔 · ${label}`}</ScreenTitle>;
  if ((points.loading && !points.data) || (type === 'open_day' && cadre.loading)) return title ?? <Spin />;

  // defaults: today, 面对面, the one current point, an open day at my own organization
  const today = dayjs();
  const fresh: EntryValues = {
    date: today,
    start: today,
    end: today,
    travelDays: 0,
    mode: 'face_to_face',
    channel: 'wechat',
    kind: 'volunteer',
    workStatus: 'in_progress',
    problemStatus: 'open',
    contacts: [],
    point: mine.length === 1 ? (mine[0]?.id ?? null) : null,
    org: cadre.data?.orgId,
  };
  return (
    <Flex vertical gap={8}>
      {title}
      {contacts.error ? (
        <Txt type="warning" role="alert">{`联系青年名单未能加载：${contacts.error}`}</Txt>
      ) : null}
      <EntryFields
        type={type}
        initial={record ? entryValues(record) : fresh}
        points={mine.map((p) => ({ value: p.id, label: pointLabel(p) }))}
        contacts={contacts.data?.items}
        org={cadre.data ? { id: cadre.data.orgId, name: cadre.data.orgName } : undefined}
        correcting={record !== undefined}
        onCancel={onCancel}
        save={(values) => (record ? correct(record, values) : create(values))}
      />
    </Flex>
  );
}

/** Screen 3: what was kept, the dates it was given, and what it changed in my progress. */
function SavedScreen({ done, label }: { done: Saved; label: string }) {
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const saved = done.kind === 'saved';
  const Icon = saved ? CheckCircleFilled : InfoCircleFilled;
  return (
    <Flex vertical gap={12} style={{ padding: '24px 0', textAlign: 'center' }}>
      <Icon
        style={{ alignSelf: 'center', fontSize: 56, color: saved ? token.colorSuccess : token.colorInfo }}
      />
      <ScreenHeading style={{ fontSize: 24 }}>
        <span data-screen>{saved ? '已保存' : '已保存为草稿，联网后自动同步'}</span>
      </ScreenHeading>
      <Txt type="secondary" data-testid="saved-when">
        {label} · {done.when}
        {done.problems > 0 ? ` · 登记问题 ${done.problems} 个` : ''}
      </Txt>
      {done.changes ? (
        <div className="lx-saved-changes" data-testid="saved-changes">
          <Txt strong>这一笔计入了我的进度</Txt>
          {done.changes.length === 0 ? (
            <Txt type="secondary" style={{ display: 'block' }}>
              没有改变任何一项考核要求的完成数
            </Txt>
          ) : (
            <ul>
              {done.changes.map((c) => (
                <li key={c.rule} className={c.reached ? 'lx-reached' : undefined}>
                  <span>{c.label}</span>
                  <b className="lx-change">{c.text}</b>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <Button type="primary" size="large" block onClick={() => navigate('/me/log')}>
        再记一笔
      </Button>
      <Button size="large" block onClick={() => navigate('/me')}>
        返回
      </Button>
    </Flex>
  );
}
