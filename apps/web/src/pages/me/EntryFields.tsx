import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { activityRegistry, type TActivityType, type TContactListItem } from '@lianxin/contracts';
import { Button, Flex, Input } from 'antd';
import dayjs from 'dayjs';
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { ChoiceBar, ChoiceSelect, CountInput, DayInput } from '../../components/nativeInputs.tsx';
import { Field } from '../../components/plain.tsx';
import { fieldErrors } from '../../feedback.ts';
import { onDemand } from '../../onDemand.tsx';
import { ContactPicker } from '../worklog/ContactPicker.tsx';
import { type EntryValues, fieldsOf } from '../worklog/entryBody.ts';
import {
  dependents,
  type EntryErrors,
  type EntryField,
  entryErrors,
  entryFieldError,
} from '../worklog/entryRules.ts';
import {
  channelLabels,
  eventKindLabels,
  problemStatusLabels,
  talkModeLabels,
  workItemStatusLabels,
} from '../worklog/labels.ts';

// only an open day names its organization: the searchable select loads for that type alone
const OrgSelect = onDemand(() => import('../../components/OrgSelect.tsx').then((m) => m.OrgSelect));

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

type ChoiceField = 'mode' | 'channel' | 'kind' | 'workStatus' | 'problemStatus';

/** A visit's problems found, each with a key of its own while it is typed. */
interface ProblemLine {
  key: number;
  text: string;
}

export interface EntryFieldsProps {
  type: TActivityType;
  initial: EntryValues;
  /** the cadre's points to choose from (a corrected record's own point among them) */
  points: { value: string; label: string }[];
  contacts: TContactListItem[] | undefined;
  /** the organization an open day is first given, so the select has its name */
  org?: { id: string; name: string };
  /** a stored record is corrected: 取消 and 保存修改 instead of 保存, and no problems found */
  correcting: boolean;
  onCancel?: () => void;
  /** sends the values; a refusal it throws is shown on the fields it names */
  save: (values: EntryValues) => Promise<void>;
}

/**
 * The quick entry's fields for one type, with their own state and rules (entryRules.ts) instead of
 * antd's `Form`, which with its grid is 13 kB gzip of the phone's first load. As antd's form did, a
 * field is checked as it changes and every field on saving; a refusal from the server is shown
 * under the fields it names.
 */
export function EntryFields({
  type,
  initial,
  points,
  contacts,
  org,
  correcting,
  onCancel,
  save,
}: EntryFieldsProps) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<EntryErrors>({});
  const [problems, setProblems] = useState<ProblemLine[]>([]);
  const [saving, setSaving] = useState(false);
  const fields = fieldsOf(type);
  const has = (f: EntryField) => fields.includes(f);
  const today = dayjs();

  function change<K extends EntryField>(field: K, value: EntryValues[K]) {
    const next = { ...values, [field]: value };
    setValues(next);
    setErrors((shown) => {
      const checked: EntryErrors = { ...shown, [field]: entryFieldError(type, field, next, today) };
      for (const d of dependents[field] ?? []) {
        if (shown[d]) checked[d] = entryFieldError(type, d, next, today);
      }
      return checked;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = entryErrors(type, values, today);
    setErrors(found);
    const first = fields.find((f) => found[f]);
    if (first) {
      form.current
        ?.querySelector<HTMLElement>(`[data-field="${first}"]`)
        ?.scrollIntoView({ block: 'center' });
      return;
    }
    setSaving(true);
    try {
      await save({ ...values, problems: problems.map((p) => p.text) });
    } catch (error) {
      const status = type === 'problem' ? 'problemStatus' : 'workStatus';
      const byField = fieldErrors(error, fields, { status });
      if (byField) setErrors(Object.fromEntries([...byField].map(([f, texts]) => [f, texts.join('；')])));
    } finally {
      setSaving(false);
    }
  }

  const controlId = (f: EntryField) => `${id}-${f}`;
  const errorId = (f: EntryField) => `${id}-${f}-error`;
  /** what a control with a rule is told of its error */
  const invalid = (f: EntryField) =>
    errors[f]
      ? { status: 'error' as const, 'aria-invalid': true, 'aria-describedby': errorId(f) }
      : { status: undefined };
  /** a field's label names its control (`for`), or a group of controls names it (`by`) */
  const field = (f: EntryField, label: string, control: ReactNode, labelled: 'for' | 'by' = 'for') => (
    <div data-field={f} className="lx-entry-field">
      <Field
        label={label}
        htmlFor={labelled === 'for' ? controlId(f) : undefined}
        labelId={labelled === 'by' ? `${controlId(f)}-label` : undefined}
        error={errors[f]}
        errorId={errorId(f)}
      >
        {control}
      </Field>
    </div>
  );
  const bar = <K extends string>(f: ChoiceField, label: string, labels: Record<K, string>) =>
    field(
      f,
      label,
      <ChoiceBar
        aria-label={label}
        options={options(labels)}
        value={values[f] as K | undefined}
        onChange={(v) => change(f, v as EntryValues[ChoiceField])}
      />,
      'by',
    );
  const day = (f: 'date' | 'start' | 'end', label: string) =>
    field(
      f,
      label,
      <DayInput
        id={controlId(f)}
        max={type === 'work_item' ? undefined : today}
        value={values[f] ?? null}
        onChange={(d) => change(f, d ?? undefined)}
        {...invalid(f)}
      />,
    );
  const count = (f: 'travelDays' | 'audience' | 'attendees', label: string, min = 0, placeholder?: string) =>
    field(
      f,
      label,
      <CountInput
        id={controlId(f)}
        min={min}
        placeholder={placeholder}
        value={values[f]}
        onChange={(n) => change(f, n)}
        {...invalid(f)}
      />,
    );
  /** a line (`rows` absent) or a few lines of text */
  const text = (f: 'title' | 'outcome' | 'note', label: string, rows?: number, placeholder?: string) => {
    const props = {
      id: controlId(f),
      placeholder,
      value: values[f],
      onChange: (e: { target: { value: string } }) => change(f, e.target.value),
      ...invalid(f),
    };
    return field(
      f,
      label,
      rows ? (
        <Input.TextArea rows={rows} maxLength={2000} {...props} />
      ) : (
        <Input maxLength={200} {...props} />
      ),
    );
  };

  return (
    <form ref={form} noValidate onSubmit={(e) => void submit(e)}>
      {has('title') ? text('title', type === 'problem' ? '问题（一句话）' : '标题') : null}
      {has('mode') ? bar('mode', '谈话方式', talkModeLabels) : null}
      {has('channel') ? bar('channel', '渠道', channelLabels) : null}
      {has('kind') ? bar('kind', '活动类别', eventKindLabels) : null}
      {has('workStatus') ? bar('workStatus', '状态', workItemStatusLabels) : null}
      {has('date') ? day('date', '日期') : null}
      {has('start') ? (
        <Flex gap={8} className="lx-entry-span">
          {day('start', '开始日期')}
          {day('end', '结束日期')}
        </Flex>
      ) : null}
      {has('travelDays') ? count('travelDays', '在途天数（不计入在点天数）') : null}
      {has('audience') ? count('audience', '听众人数') : null}
      {has('outcome') ? text('outcome', '办了什么实事、结果如何', 3) : null}
      {has('org')
        ? field(
            'org',
            '举办的县级团委',
            <OrgSelect
              id={controlId('org')}
              initial={org ? [org] : []}
              placeholder="搜索县级团委"
              value={values.org}
              onChange={(v) => change('org', v ?? undefined)}
            />,
          )
        : null}
      {has('attendees') && type !== 'talk' ? count('attendees', '参加人数') : null}
      {has('problemStatus') ? bar('problemStatus', '状态', problemStatusLabels) : null}
      {field(
        'contacts',
        type === 'talk' ? '谈话的青年（点选，或填集体谈话人数）' : '联系青年（点选）',
        <ContactPicker
          id={controlId('contacts')}
          aria-labelledby={`${controlId('contacts')}-label`}
          aria-describedby={errors.contacts ? errorId('contacts') : undefined}
          contacts={contacts}
          value={values.contacts}
          onChange={(v) => change('contacts', v)}
        />,
        'by',
      )}
      {type === 'talk' ? count('attendees', '集体谈话人数（未逐一点选时填写）', 2, '如 12') : null}
      {type === 'visit' && !correcting ? <ProblemsFound lines={problems} onChange={setProblems} /> : null}
      {field(
        'point',
        '联系点',
        <ChoiceSelect
          id={controlId('point')}
          empty={points.length ? '不在联系点' : '当前没有联系点'}
          options={points}
          value={values.point}
          onChange={(v) => change('point', v)}
          {...invalid('point')}
        />,
      )}
      {text('note', '备注（可不填）', 2, activityRegistry[type].noteHint)}
      {correcting ? (
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
    </form>
  );
}

/** 走访中发现的问题: lines added and removed one by one, each raised as a problem of its own. */
function ProblemsFound({
  lines,
  onChange,
}: {
  lines: ProblemLine[];
  onChange: (lines: ProblemLine[]) => void;
}) {
  const labelId = useId();
  const nextKey = useRef(0);
  return (
    <Field
      label="走访中发现的问题（可不填，每条记入问题清单）"
      labelId={labelId}
      style={{ marginBottom: 12 }}
    >
      <Flex vertical gap={8} role="group" aria-labelledby={labelId}>
        {lines.map((line, i) => (
          <Flex key={line.key} gap={8} align="center">
            <Input
              maxLength={200}
              placeholder="一句话说明问题"
              aria-label={`问题 ${i + 1}`}
              value={line.text}
              onChange={(e) => onChange(lines.map((l) => (l === line ? { ...l, text: e.target.value } : l)))}
            />
            <Button
              type="text"
              aria-label={`删除问题 ${i + 1}`}
              icon={<MinusCircleOutlined />}
              onClick={() => onChange(lines.filter((l) => l !== line))}
            />
          </Flex>
        ))}
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => onChange([...lines, { key: nextKey.current++, text: '' }])}
          block
        >
          添加发现的问题
        </Button>
      </Flex>
    </Field>
  );
}
