import { CheckCircleFilled, InfoCircleFilled, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  activityRegistry,
  activityTypeLabels,
  type TActivityType,
  type TComplianceResult,
  type TLedgerActivity,
} from '@lianxin/contracts';
import { Button, Flex, Form, Input, Spin, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { ChoiceBar, ChoiceSelect, CountInput, DayInput } from '../../components/nativeInputs.tsx';
import { ScreenHeading, Txt } from '../../components/plain.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { showFormError, toastError, toastSuccess } from '../../feedback.ts';
import { onDemand } from '../../onDemand.tsx';
import { complianceApi } from '../compliance/complianceApi.ts';
import { currentPoints, pointLabel } from '../points/points.ts';
import { ContactPicker } from '../worklog/ContactPicker.tsx';
import { isOffline, newActivityId, saveDraft } from '../worklog/drafts.ts';
import {
  type EntryValues,
  entryBody,
  entryPatch,
  entryValues,
  entryWhen,
  entryYear,
  fieldsOf,
  visitProblemBodies,
} from '../worklog/entryBody.ts';
import {
  channelLabels,
  eventKindLabels,
  problemStatusLabels,
  talkModeLabels,
  workItemStatusLabels,
} from '../worklog/labels.ts';
import type { ProgressChange } from './progressChange.ts';

// only an open day names its organization: the searchable select loads for that type alone
const OrgSelect = onDemand(() => import('../../components/OrgSelect.tsx').then((m) => m.OrgSelect));

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

const required = (label: string) => [{ required: true, message: `请填写${label}` }];
const count = (label: string, min = 0) => ({
  type: 'integer' as const,
  min,
  message: `${label}须为不小于 ${min} 的整数`,
});

/** Work is recorded once done: no day after today (the server refuses it too). */
const notFuture = {
  validator: (_: unknown, d: Dayjs | null | undefined) =>
    d?.isAfter(dayjs(), 'day') ? Promise.reject(new Error('日期不能晚于今天')) : Promise.resolve(),
};

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
  const [form] = Form.useForm<EntryValues>();
  const [saving, setSaving] = useState(false);
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
  const fields = fieldsOf(type);
  const has = (f: keyof EntryValues) => fields.includes(f);
  const label = activityTypeLabels[type];

  const today = dayjs();
  const initial: EntryValues = {
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
  };

  // the one current point, once the points are known (the form is shown after that)
  const defaultPoint = mine.length === 1 ? mine[0]?.id : undefined;
  const statusField = { status: type === 'problem' ? 'problemStatus' : 'workStatus' };

  const create = async (values: EntryValues) => {
    const body = entryBody(type, values, newActivityId(), cadreId);
    const problems = type === 'visit' ? visitProblemBodies(values, cadreId, newActivityId) : [];
    const when = entryWhen(type, values);
    const year = entryYear(type, values);
    const before = await myResults(year, cadreId);
    try {
      await api.activities.create(body);
    } catch (error) {
      if (isOffline(error)) {
        for (const b of [body, ...problems]) saveDraft(accountId, b);
        setDone({ kind: 'draft', when, problems: problems.length, changes: null });
      } else {
        showFormError(form, error, fields, statusField);
      }
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
    try {
      await api.activities.update(stored.id, entryPatch(type, values));
      toastSuccess('已保存修改');
      onSaved?.();
    } catch (error) {
      showFormError(form, error, fields, statusField);
    }
  };

  const onFinish = async (values: EntryValues) => {
    setSaving(true);
    try {
      await (record ? correct(record, values) : create(values));
    } finally {
      setSaving(false);
    }
  };

  if (done) return <SavedScreen done={done} label={label} />;

  const title = record ? null : <ScreenTitle back="/me/log">{`记一笔 · ${label}`}</ScreenTitle>;
  if ((points.loading && !points.data) || (type === 'open_day' && cadre.loading)) return title ?? <Spin />;

  return (
    <Flex vertical gap={8}>
      {title}
      {contacts.error ? (
        <Txt type="warning" role="alert">{`联系青年名单未能加载：${contacts.error}`}</Txt>
      ) : null}
      <Form<EntryValues>
        form={form}
        layout="vertical"
        initialValues={record ? entryValues(record) : { ...initial, point: defaultPoint }}
        onFinish={(v) => void onFinish(v)}
        requiredMark={false}
      >
        {has('title') ? (
          <Form.Item
            name="title"
            label={type === 'problem' ? '问题（一句话）' : '标题'}
            rules={type === 'problem' ? [] : required('标题')}
          >
            <Input maxLength={200} />
          </Form.Item>
        ) : null}
        {has('mode') ? (
          <Form.Item name="mode" label="谈话方式">
            <ChoiceBar aria-label="谈话方式" options={options(talkModeLabels)} />
          </Form.Item>
        ) : null}
        {has('channel') ? (
          <Form.Item name="channel" label="渠道">
            <ChoiceBar aria-label="渠道" options={options(channelLabels)} />
          </Form.Item>
        ) : null}
        {has('kind') ? (
          <Form.Item name="kind" label="活动类别">
            <ChoiceBar aria-label="活动类别" options={options(eventKindLabels)} />
          </Form.Item>
        ) : null}
        {has('workStatus') ? (
          <Form.Item name="workStatus" label="状态">
            <ChoiceBar aria-label="状态" options={options(workItemStatusLabels)} />
          </Form.Item>
        ) : null}
        {has('date') ? (
          <Form.Item
            name="date"
            label="日期"
            rules={type === 'work_item' ? [] : [...required('日期'), notFuture]}
          >
            <DayInput max={type === 'work_item' ? undefined : today} />
          </Form.Item>
        ) : null}
        {has('start') ? (
          <Flex gap={8}>
            <Form.Item
              name="start"
              label="开始日期"
              rules={[...required('开始日期'), notFuture]}
              style={{ flex: 1 }}
            >
              <DayInput max={today} />
            </Form.Item>
            <Form.Item
              name="end"
              label="结束日期"
              rules={[...required('结束日期'), notFuture]}
              style={{ flex: 1 }}
            >
              <DayInput max={today} />
            </Form.Item>
          </Flex>
        ) : null}
        {has('travelDays') ? (
          <Form.Item name="travelDays" label="在途天数（不计入在点天数）" rules={[count('在途天数')]}>
            <CountInput min={0} />
          </Form.Item>
        ) : null}
        {has('audience') ? (
          <Form.Item name="audience" label="听众人数" rules={[...required('听众人数'), count('听众人数')]}>
            <CountInput min={0} />
          </Form.Item>
        ) : null}
        {has('outcome') ? (
          <Form.Item name="outcome" label="办了什么实事、结果如何" rules={required('办理结果')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {has('org') ? (
          <Form.Item
            name="org"
            label="举办的县级团委"
            rules={required('举办组织')}
            initialValue={cadre.data?.orgId}
          >
            <OrgSelect
              initial={cadre.data ? [{ id: cadre.data.orgId, name: cadre.data.orgName }] : []}
              placeholder="搜索县级团委"
            />
          </Form.Item>
        ) : null}
        {has('attendees') && type !== 'talk' ? (
          <Form.Item name="attendees" label="参加人数" rules={[...required('参加人数'), count('参加人数')]}>
            <CountInput min={0} />
          </Form.Item>
        ) : null}
        {has('problemStatus') ? (
          <Form.Item name="problemStatus" label="状态">
            <ChoiceBar aria-label="状态" options={options(problemStatusLabels)} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="contacts"
          label={type === 'talk' ? '谈话的青年（点选，或填集体谈话人数）' : '联系青年（点选）'}
          dependencies={type === 'talk' ? ['attendees'] : undefined}
          rules={
            type === 'talk'
              ? [
                  ({ getFieldValue }) => ({
                    validator: (_: unknown, v: string[] | undefined) =>
                      (v?.length ?? 0) > 0 || (getFieldValue('attendees') ?? 0) >= 2
                        ? Promise.resolve()
                        : Promise.reject(new Error('请点选至少一名谈话的青年，或填写集体谈话人数')),
                  }),
                ]
              : []
          }
        >
          <ContactPicker contacts={contacts.data?.items} />
        </Form.Item>
        {type === 'talk' ? (
          <Form.Item
            name="attendees"
            label="集体谈话人数（未逐一点选时填写）"
            rules={[{ ...count('集体谈话人数', 2), message: '集体谈话至少 2 人' }]}
          >
            <CountInput min={2} placeholder="如 12" />
          </Form.Item>
        ) : null}
        {type === 'visit' && !record ? (
          <Form.List name="problems">
            {(items, { add, remove }) => (
              <Form.Item label="走访中发现的问题（可不填，每条记入问题清单）" style={{ marginBottom: 12 }}>
                <Flex vertical gap={8}>
                  {items.map((item, i) => (
                    <Flex key={item.key} gap={8} align="center">
                      <Form.Item name={item.name} noStyle>
                        <Input maxLength={200} placeholder="一句话说明问题" aria-label={`问题 ${i + 1}`} />
                      </Form.Item>
                      <Button
                        type="text"
                        aria-label={`删除问题 ${i + 1}`}
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(item.name)}
                      />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} block>
                    添加发现的问题
                  </Button>
                </Flex>
              </Form.Item>
            )}
          </Form.List>
        ) : null}
        <Form.Item name="point" label="联系点">
          <ChoiceSelect
            empty={mine.length ? '不在联系点' : '当前没有联系点'}
            options={mine.map((p) => ({ value: p.id, label: pointLabel(p) }))}
          />
        </Form.Item>
        <Form.Item name="note" label="备注（可不填）">
          <Input.TextArea rows={2} maxLength={2000} placeholder={activityRegistry[type].noteHint} />
        </Form.Item>
        {record ? (
          <Flex gap={8}>
            <Button size="large" onClick={onCancel} style={{ flex: 1 }}>
              取消
            </Button>
            <Button type="primary" htmlType="submit" size="large" loading={saving} style={{ flex: 2 }}>
              保存修改
            </Button>
          </Flex>
        ) : (
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={saving}
            className="lx-big-action lx-sticky-action"
          >
            保存
          </Button>
        )}
      </Form>
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
