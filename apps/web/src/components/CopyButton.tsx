/**
 * A stand-in for the copy icon of antd's `Typography` (`copyable`), which brings `Tooltip` and the
 * rest of `Typography` to a page that only shows an address. A module of its own rather than part
 * of plain.tsx, which every phone page loads first: its icons would come along to all of them.
 */
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { theme } from 'antd';
import { useEffect, useState } from 'react';

/** The system clipboard, or where it is missing (a page served over plain http) the older copy command. */
async function toClipboard(text: string) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/** A copy icon after a text (antd `Typography` `copyable`): a tick for three seconds once copied. */
export function CopyButton({ text }: { text: string }) {
  const { token } = theme.useToken();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const later = setTimeout(() => setCopied(false), 3000);
    return () => clearTimeout(later);
  }, [copied]);
  const label = copied ? '复制成功' : '复制';
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={() => void toClipboard(text).then(() => setCopied(true))}
      style={{
        marginInlineStart: token.marginXXS,
        padding: 0,
        border: 0,
        background: 'none',
        cursor: 'pointer',
        color: copied ? token.colorSuccess : token.colorLink,
      }}
    >
      {copied ? <CheckOutlined /> : <CopyOutlined />}
    </button>
  );
}
