/**
 * A stand-in for antd's line `Progress` (5.6 kB gzip where a bar is all that is drawn). A module of
 * its own rather than part of plain.tsx, which every phone page loads first: its icon would come
 * along to all of them.
 */
import { CheckCircleFilled } from '@ant-design/icons';
import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

interface ProgressLineProps {
  /** 0–100 */
  percent: number;
  strokeColor?: string;
  /** small: a thinner bar and smaller figure */
  size?: 'small';
  /** the figure after the bar; the percent, or a tick once complete, unless told */
  format?: (percent: number) => ReactNode;
  /** false: the bar alone, its figure said elsewhere */
  showInfo?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

/** A bar filled to a percent with the figure after it (antd `Progress`, line type). */
export function ProgressLine({
  percent,
  strokeColor,
  size,
  format,
  showInfo = true,
  style,
  ...rest
}: ProgressLineProps) {
  const { token } = theme.useToken();
  const value = Math.min(100, Math.max(0, percent));
  const done = value >= 100;
  const fontSize = size === 'small' ? token.fontSizeSM : token.fontSize;
  const figure = format ? format(value) : done ? <CheckCircleFilled /> : `${value}%`;
  return (
    <div
      role="progressbar"
      aria-valuenow={value}
      aria-valuemin={0}
      aria-valuemax={100}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: token.marginXS,
        width: '100%',
        fontSize,
        ...style,
      }}
      {...rest}
    >
      <div
        style={{
          flex: 'auto',
          height: size === 'small' ? 6 : 8,
          background: token.colorFillSecondary,
          borderRadius: 100,
          overflow: 'hidden',
        }}
      >
        <div
          style={{
            width: `${value}%`,
            height: '100%',
            borderRadius: 'inherit',
            background: strokeColor ?? (done ? token.colorSuccess : token.colorInfo),
          }}
        />
      </div>
      {showInfo ? (
        <span
          title={typeof figure === 'string' ? figure : undefined}
          style={{ color: done ? token.colorSuccess : token.colorText, lineHeight: 1, whiteSpace: 'nowrap' }}
        >
          {figure}
        </span>
      ) : null}
    </div>
  );
}

/** The "1+100" bar: the youths in regular touch against the cadre's target, in the League's red. */
export function ContactTargetBar({ count, target }: { count: number; target: number }) {
  return (
    <ProgressLine
      percent={Math.min(100, Math.round((count / Math.max(1, target)) * 100))}
      strokeColor="#c41d1d"
      aria-label="联系青年进度"
    />
  );
}
