/**
 * Small stand-ins for antd's `Card`, `List` and `Typography` on the cadre's phone pages, drawn with
 * the same theme tokens so they look the same. Those three pull in much more than they draw (`Card`
 * brings `Tabs` and through it `Menu` and `Dropdown`, `List` brings `Pagination` and `Select`,
 * `Typography` brings `TextArea` and `Tooltip`): about 75 kB gzip of a phone's first load.
 */
import { Spin, theme } from 'antd';
import type { ButtonHTMLAttributes, CSSProperties, HTMLAttributes, Key, ReactNode } from 'react';

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

/** Grey bars while a screen's data loads (antd `Skeleton active`): a title and three lines. */
export function PlainSkeleton() {
  return (
    <div className="lx-skeleton">
      <div style={{ width: '38%' }} />
      <div style={{ marginTop: 24 }} />
      <div style={{ marginTop: 16 }} />
      <div style={{ marginTop: 16, width: '61%' }} />
    </div>
  );
}
