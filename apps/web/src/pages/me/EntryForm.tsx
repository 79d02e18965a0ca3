import { activityTypeLabels, type TActivityType, type TLedgerActivity } from '@lianxin/contracts';
import {
  Alert,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Segmented,
  Select,
  Skeleton,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { showFormError, toastSuccess } from '../../feedback.ts';
import { currentPoints, pointLabel } from '../points/points.ts';
import { ContactPicker } from '../worklog/ContactPicker.tsx';
import { isOffline, newActivityId, saveDraft } from '../worklog/drafts.ts';
import { type EntryValues, entryBody, entryPatch, entryValues, fieldsOf } from '../worklog/entryBody.ts';
import {
  channelLabels,
  eventKindLabels,
  problemStatusLabels,
  talkModeLabels,
  workItemStatusLabels,
} from '../worklog/labels.ts';

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

const today = () => dayjs().format('YYYY-MM-DD');

const required = (label: string) => [{ required: true, message: `请填写${label}` }];

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
  const navigate = useNavigate();
  const [form] = Form.useForm<EntryValues>();
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<'saved' | 'draft' | null>(null);
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

  const initial: EntryValues = {
    date: dayjs(),
    start: dayjs(),
    end: dayjs(),
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
    try {
      await api.activities.create(body);
      setDone('saved');
    } catch (error) {
      if (isOffline(error)) {
        saveDraft(accountId, body);
        setDone('draft');
      } else {
        showFormError(form, error, fields, statusField);
      }
    }
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

  if (done) {
    return (
      <Result
        status={done === 'saved' ? 'success' : 'info'}
        title={<span data-screen>{done === 'saved' ? '已保存' : '已保存为草稿，联网后自动同步'}</span>}
        subTitle={`${label} · ${today()}`}
        extra={
          <Flex vertical gap={12}>
            <Button type="primary" size="large" block onClick={() => navigate('/me/log')}>
              再记一笔
            </Button>
            <Button size="large" block onClick={() => navigate('/me')}>
              返回
            </Button>
          </Flex>
        }
      />
    );
  }

  const title = record ? null : <ScreenTitle back="/me/log">{`记一笔 · ${label}`}</ScreenTitle>;
  if ((points.loading && !points.data) || (type === 'open_day' && cadre.loading))
    return title ?? <Skeleton active />;

  return (
    <Flex vertical gap={8}>
      {title}
      {contacts.error ? (
        <Alert type="warning" showIcon title={`联系青年名单未能加载：${contacts.error}`} />
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
            <Segmented block options={options(talkModeLabels)} />
          </Form.Item>
        ) : null}
        {has('channel') ? (
          <Form.Item name="channel" label="渠道">
            <Segmented block options={options(channelLabels)} />
          </Form.Item>
        ) : null}
        {has('kind') ? (
          <Form.Item name="kind" label="活动类别">
            <Segmented block options={options(eventKindLabels)} />
          </Form.Item>
        ) : null}
        {has('workStatus') ? (
          <Form.Item name="workStatus" label="状态">
            <Segmented block options={options(workItemStatusLabels)} />
          </Form.Item>
        ) : null}
        {has('date') ? (
          <Form.Item name="date" label="日期" rules={type === 'work_item' ? [] : required('日期')}>
            <DatePicker inputReadOnly style={{ width: '100%' }} allowClear={type === 'work_item'} />
          </Form.Item>
        ) : null}
        {has('start') ? (
          <Flex gap={8}>
            <Form.Item name="start" label="开始日期" rules={required('开始日期')} style={{ flex: 1 }}>
              <DatePicker inputReadOnly style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
            <Form.Item name="end" label="结束日期" rules={required('结束日期')} style={{ flex: 1 }}>
              <DatePicker inputReadOnly style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Flex>
        ) : null}
        {has('travelDays') ? (
          <Form.Item name="travelDays" label="在途天数（不计入在点天数）">
            <InputNumber min={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        ) : null}
        {has('audience') ? (
          <Form.Item name="audience" label="听众人数" rules={required('听众人数')}>
            <InputNumber min={0} style={{ width: '100%' }} inputMode="numeric" />
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
        {has('attendees') ? (
          <Form.Item name="attendees" label="参加人数" rules={required('参加人数')}>
            <InputNumber min={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        ) : null}
        {has('problemStatus') ? (
          <Form.Item name="problemStatus" label="状态">
            <Segmented block options={options(problemStatusLabels)} />
          </Form.Item>
        ) : null}
        <Form.Item name="contacts" label="联系青年（点选）">
          <ContactPicker contacts={contacts.data?.items} />
        </Form.Item>
        <Form.Item name="point" label="联系点">
          <Select
            allowClear
            placeholder={mine.length ? '不在联系点' : '当前没有联系点'}
            options={mine.map((p) => ({ value: p.id, label: pointLabel(p) }))}
          />
        </Form.Item>
        <Form.Item name="note" label="备注（可不填）">
          <Input.TextArea rows={2} maxLength={2000} placeholder="谈了什么、有何诉求" />
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
