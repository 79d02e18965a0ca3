/**
 * Small stand-ins for antd's `Card`, `List`, `Typography`, `Tabs`, `Skeleton` and `Form.Item` on the
 * cadre's phone pages, drawn with the same theme tokens so they look the same. These pull in much
 * more than they draw (`Card` brings `Tabs` and through it `Menu` and `Dropdown`, `List` brings
 * `Pagination` and `Select`, `Typography` brings `TextArea` and `Tooltip`, `Form` its grid): about
 * 90 kB gzip of a phone's first load.
 */
import { Spin, theme } from 'antd';
import {
  type ButtonHTMLAttributes,
  type CSSProperties,
  type HTMLAttributes,
  type Key,
  type KeyboardEvent,
  type ReactNode,
  useId,
  useState,
} from 'react';

type Tone = 'secondary' | 'success' | 'warning' | 'danger';

/** A run of text in the theme's secondary, success, warning or danger colour (antd `Typography.Text`). */
export function Txt({
  type,
  strong,
  style,
  ...rest
}: HTMLAttributes<HTMLSpanElement> & { type?: Tone; strong?: boolean; 'data-testid'?: string }) {
  const { token } = theme.useToken();
  const color = {
    secondary: token.colorTextDescription,
    success: token.colorSuccessText,
    warning: token.colorWarningText,
    danger: token.colorErrorText,
  };
  return (
    <span
      style={{
        color: type ? color[type] : token.colorText,
        fontWeight: strong ? token.fontWeightStrong : undefined,
        ...style,
      }}
      {...rest}
    />
  );
}

/** A screen's title (antd `Typography.Title`), 20 px unless told: level 1 for the screen, 2 below it. */
export function ScreenHeading({
  level = 1,
  children,
  style,
  ...rest
}: HTMLAttributes<HTMLHeadingElement> & { level?: 1 | 2 }) {
  const { token } = theme.useToken();
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag
      style={{
        fontSize: 20,
        margin: '4px 0',
        color: token.colorTextHeading,
        fontWeight: token.fontWeightStrong,
        lineHeight: level === 1 ? token.lineHeightHeading1 : token.lineHeightHeading2,
        ...style,
      }}
      {...rest}
    >
      {children}
    </Tag>
  );
}

interface PanelProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  title?: ReactNode;
  /** on the right of the title: a link, a count */
  extra?: ReactNode;
  bodyStyle?: CSSProperties;
  'data-testid'?: string;
  'data-preset'?: string;
}

/** A bordered section with an optional title row (antd `Card size="small"`). */
export function Panel({ title, extra, bodyStyle, children, style, ...rest }: PanelProps) {
  const { token } = theme.useToken();
  const line = `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`;
  return (
    <div
      style={{
        background: token.colorBgContainer,
        border: line,
        borderRadius: token.borderRadiusLG,
        color: token.colorText,
        ...style,
      }}
      {...rest}
    >
      {title !== undefined || extra !== undefined ? (
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: token.marginXS,
            minHeight: token.fontSize * token.lineHeight + token.paddingXS * 2,
            padding: '0 12px',
            borderBottom: line,
            fontWeight: token.fontWeightStrong,
          }}
        >
          <div style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {title}
          </div>
          {extra ? <div style={{ fontWeight: 'normal', flex: 'none' }}>{extra}</div> : null}
        </div>
      ) : null}
      <div style={{ padding: 12, ...bodyStyle }}>{children}</div>
    </div>
  );
}

interface PlainListProps<T> {
  items: readonly T[];
  rowKey: (item: T) => Key;
  render: (item: T) => ReactNode;
  /** shown when there are no items (and none are loading) */
  empty?: ReactNode;
  loading?: boolean;
  /** the rows' sideways padding: 16 px as antd's small list, 0 inside a padded section */
  inline?: number;
}

/** Rows split by a thin line (antd `List size="small"`); each row is what `render` returns. */
export function PlainList<T>({ items, rowKey, render, empty, loading, inline = 16 }: PlainListProps<T>) {
  const { token } = theme.useToken();
  if (items.length === 0) {
    if (loading) {
      return (
        <div style={{ display: 'flex', justifyContent: 'center', padding: token.paddingLG }}>
          <Spin />
        </div>
      );
    }
    return empty ? <div style={{ padding: `${token.padding}px 0` }}>{empty}</div> : null;
  }
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, opacity: loading ? 0.5 : undefined }}>
      {items.map((item, i) => (
        <li
          key={rowKey(item)}
          style={{
            padding: `${token.paddingContentVerticalSM}px ${inline}px`,
            borderBottom:
              i < items.length - 1 ? `${token.lineWidth}px ${token.lineType} ${token.colorSplit}` : 0,
            color: token.colorText,
          }}
        >
          {render(item)}
        </li>
      ))}
    </ul>
  );
}

/** A whole row that opens something: a real button (keyboard, screen readers) that looks like the row. */
export function RowButton({
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { 'data-activity'?: string }) {
  return <button type="button" className={`lx-row-button${className ? ` ${className}` : ''}`} {...rest} />;
}

/** A list's "nothing here" line, centred in the disabled colour (antd `List`'s `locale.emptyText`). */
export function EmptyNote({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return <div style={{ color: token.colorTextDisabled, textAlign: 'center' }}>{children}</div>;
}

interface PlainTab {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

/** Which tab an arrow, Home or End key moves to from `at` (the WAI-ARIA tabs pattern), or null. */
function tabAfterKey(key: string, at: number, count: number): number | null {
  if (key === 'ArrowRight') return (at + 1) % count;
  if (key === 'ArrowLeft') return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * Tabs over the parts of a section (antd `Tabs size="small"`), whose overflow menu brings `Dropdown`
 * and `Menu`: here a tab bar that scrolls sideways instead. A tab's panel is drawn the first time it
 * is chosen and kept after, as antd does, so what loads on demand inside it waits for the tap.
 */
export function PlainTabs({ items, gutter = 20 }: { items: PlainTab[]; gutter?: number }) {
  const { token } = theme.useToken();
  const id = useId();
  const [active, setActive] = useState(items[0]?.key);
  const [seen, setSeen] = useState<ReadonlySet<string | undefined>>(() => new Set([active]));
  const choose = (key: string) => {
    setActive(key);
    setSeen((s) => new Set(s).add(key));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = items.findIndex((t) => t.key === active);
    const next = tabAfterKey(e.key, at, items.length);
    const tab = next === null ? undefined : items[next];
    if (!tab) return;
    e.preventDefault();
    choose(tab.key);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };
  return (
    <div>
      <div
        role="tablist"
        className="lx-tabs"
        onKeyDown={onKeyDown}
        style={{
          gap: gutter,
          marginBottom: token.margin,
          borderBottom: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
        }}
      >
        {items.map((t, i) => (
          <button
            key={t.key}
            id={`${id}-tab-${i}`}
            type="button"
            role="tab"
            aria-selected={t.key === active}
            aria-controls={`${id}-panel-${i}`}
            tabIndex={t.key === active ? 0 : -1}
            onClick={() => choose(t.key)}
            style={{ padding: `${token.paddingXS}px 0`, fontSize: token.fontSize }}
          >
            {t.label}
          </button>
        ))}
      </div>
      {items.map((t, i) =>
        seen.has(t.key) ? (
          <div
            key={t.key}
            id={`${id}-panel-${i}`}
            role="tabpanel"
            aria-labelledby={`${id}-tab-${i}`}
            hidden={t.key !== active}
          >
            {t.children}
          </div>
        ) : null,
      )}
    </div>
  );
}

/** Grey bars while a screen's data loads (antd `Skeleton active`): a title and three lines. */
export function PlainSkeleton() {
  return (
    <div className="lx-skeleton" role="status" aria-label="加载中">
      <div style={{ width: '38%' }} />
      <div style={{ marginTop: 24 }} />
      <div style={{ marginTop: 16 }} />
      <div style={{ marginTop: 16, width: '61%' }} />
    </div>
  );
}

interface FieldProps {
  label: string;
  /** the control's id, for a label that names one control */
  htmlFor?: string;
  /** the label's id, for a group of controls that names it by aria-labelledby */
  labelId?: string;
  required?: boolean;
  error?: string;
  errorId?: string;
  style?: CSSProperties;
  children: ReactNode;
}

/**
 * A labelled field with its error below, drawn as antd's vertical `Form.Item`, for a form that keeps
 * its own state and rules: the control is given `status`, `aria-invalid` and `aria-describedby` by
 * its form.
 */
export function Field({ label, htmlFor, labelId, required, error, errorId, style, children }: FieldProps) {
  const { token } = theme.useToken();
  return (
    <div style={{ marginBottom: error ? 0 : token.marginLG, ...style }}>
      <div style={{ paddingBottom: token.paddingXS, lineHeight: token.lineHeight }}>
        <label htmlFor={htmlFor} id={labelId} style={{ color: token.colorTextHeading }}>
          {required ? (
            <span
              aria-hidden
              style={{ color: token.colorError, marginInlineEnd: 4, fontFamily: 'SimSun, sans-serif' }}
            >
              *
            </span>
          ) : null}
          {label}
        </label>
      </div>
      {children}
      {error ? (
        <div
          id={errorId}
          role="alert"
          style={{ color: token.colorError, lineHeight: token.lineHeight, minHeight: token.marginLG }}
        >
          {error}
        </div>
      ) : null}
    </div>
  );
}
