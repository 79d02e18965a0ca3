/**
 * Form controls drawn by the phone's own widgets, for the quick entry form: a day, a count and a
 * choice from a short list. On a phone the system's date wheel and number pad are what a cadre
 * knows, and antd's `DatePicker`, `InputNumber`, `Select` and `Segmented` would add about 65 kB
 * gzip to the form's first load. Each takes `value`/`onChange` as antd's `Form.Item` hands them.
 */
import { Input, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useId } from 'react';

const isoDay = 'YYYY-MM-DD';

/** What a form tells a control of its error (antd's `status`, and the same for screen readers). */
interface ErrorProps {
  status?: 'error';
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

interface DayInputProps extends ErrorProps {
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  /** the last day that can be picked */
  max?: Dayjs;
  'aria-label'?: string;
}

/** A day (antd `DatePicker`): the system's date picker; emptied, it gives null. */
export function DayInput({ value, onChange, max, ...rest }: DayInputProps) {
  return (
    <Input
      type="date"
      value={value ? value.format(isoDay) : ''}
      max={max?.format(isoDay)}
      onChange={(e) => onChange?.(e.target.value ? dayjs(e.target.value) : null)}
      {...rest}
    />
  );
}

interface CountInputProps extends ErrorProps {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  min?: number;
  placeholder?: string;
}

/** A whole number (antd `InputNumber`) typed on the number pad; emptied, it gives undefined. */
export function CountInput({ value, onChange, ...rest }: CountInputProps) {
  return (
    <Input
      type="number"
      inputMode="numeric"
      step={1}
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value === '' ? undefined : Number(e.target.value))}
      {...rest}
    />
  );
}

interface ChoiceSelectProps extends ErrorProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  options: { value: string; label: string }[];
  /** the first line, meaning "none" */
  empty: string;
}

/** One of a few options or none (antd `Select allowClear`): the system's list, in the theme's input look. */
export function ChoiceSelect({ value, onChange, options, empty, status, ...rest }: ChoiceSelectProps) {
  const { token } = theme.useToken();
  return (
    <select
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value || null)}
      style={{
        width: '100%',
        height: token.controlHeight,
        padding: `0 ${token.paddingSM - token.lineWidth}px`,
        border: `${token.lineWidth}px ${token.lineType} ${status === 'error' ? token.colorError : token.colorBorder}`,
        borderRadius: token.borderRadius,
        background: token.colorBgContainer,
        color: value ? token.colorText : token.colorTextPlaceholder,
        fontSize: token.fontSize,
        fontFamily: 'inherit',
      }}
      {...rest}
    >
      <option value="">{empty}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value} style={{ color: token.colorText }}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

interface ChoiceBarProps<K extends string> {
  id?: string;
  value?: K;
  onChange?: (value: K) => void;
  options: { value: K; label: string }[];
  'aria-label': string;
}

/** One of a few options side by side (antd `Segmented block`): radio buttons, so keys and screen readers work as usual. */
export function ChoiceBar<K extends string>({ id, value, onChange, options, ...rest }: ChoiceBarProps<K>) {
  const name = useId();
  return (
    <div id={id} role="radiogroup" className="lx-segments" {...rest}>
      {options.map((o) => (
        <label key={o.value} className="lx-segment">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange?.(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}

type DaySpan = [Dayjs | null, Dayjs | null];

interface DaySpanInputProps {
  id?: string;
  value?: DaySpan | null;
  onChange?: (value: DaySpan) => void;
  /** the last day's name for screen readers; the form's label names the first */
  endLabel?: string;
  'aria-invalid'?: boolean;
}

/** A first and a last day (antd `DatePicker.RangePicker`): two of the system's date pickers. */
export function DaySpanInput({ id, value, onChange, endLabel = '结束日期', ...rest }: DaySpanInputProps) {
  const { token } = theme.useToken();
  const [from, to] = value ?? [null, null];
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: token.marginXS }}>
      <DayInput id={id} value={from} onChange={(day) => onChange?.([day, to])} {...rest} />
      <span aria-hidden="true">至</span>
      <DayInput value={to} onChange={(day) => onChange?.([from, day])} aria-label={endLabel} {...rest} />
    </div>
  );
}
