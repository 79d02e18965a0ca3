import { CheckOutlined, SearchOutlined } from '@ant-design/icons';
import { contactTagLabels, type TContactListItem } from '@lianxin/contracts';
import { Flex, Input, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { Txt } from '../../components/plain.tsx';

interface ContactPickerProps {
  id?: string;
  /** the form's label of the picker, and its error */
  'aria-labelledby'?: string;
  'aria-describedby'?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  contacts: TContactListItem[] | undefined;
}

/** Tap to pick from my contacts: a search box over chips, the chosen ones first. */
export function ContactPicker({ id, value = [], onChange, contacts, ...labels }: ContactPickerProps) {
  const [q, setQ] = useState('');
  const chosen = new Set(value);
  const shown = useMemo(() => {
    const text = q.trim();
    const all = contacts ?? [];
    const hits = text
      ? all.filter(
          (c) =>
            c.name.includes(text) ||
            (c.unit ?? '').includes(text) ||
            c.tags.some((t) => contactTagLabels[t].includes(text)),
        )
      : all;
    // key contacts (结对) first, as they are the ones talked with most
    return [...hits].sort((a, b) => Number(b.key) - Number(a.key));
  }, [contacts, q]);
  const toggle = (cid: string) =>
    onChange?.(chosen.has(cid) ? value.filter((v) => v !== cid) : [...value, cid]);

  if (!contacts) return <Spin />;
  return (
    <Flex vertical gap={8} id={id} role="group" {...labels}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder="搜索姓名、单位或标签"
        aria-label="搜索联系青年"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <Txt type="secondary">
        已选 {value.length} 人{contacts.length > 0 ? `，共 ${contacts.length} 人` : ''}
      </Txt>
      {shown.length === 0 ? (
        <Txt type="secondary" style={{ padding: '12px 0', textAlign: 'center' }}>
          {contacts.length ? '没有匹配的青年' : '还没有联系青年'}
        </Txt>
      ) : (
        <fieldset className="lx-chips" aria-label="联系青年">
          {shown.map((c) => {
            const on = chosen.has(c.id);
            return (
              <button
                key={c.id}
                type="button"
                className={on ? 'lx-chip lx-chip-on' : 'lx-chip'}
                aria-pressed={on}
                onClick={() => toggle(c.id)}
              >
                {on ? <CheckOutlined /> : null}
                {c.name}
                {c.key ? <small>结对</small> : null}
              </button>
            );
          })}
        </fieldset>
      )}
    </Flex>
  );
}
