import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { toastError } from '../feedback.ts';

export interface SearchOption {
  value: string;
  label: string;
}

interface SearchSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Options offered before any search, so a value has a label. */
  initial: SearchOption[];
  /** Asks the server; only the answer to the latest keystroke is shown. */
  search: (q: string) => Promise<SearchOption[]>;
  hint: string;
  placeholder?: string;
  allowClear?: boolean;
}

/** A select searched on the server as the user types (300 ms after the last key). */
export function SearchSelect({
  id,
  value,
  onChange,
  initial,
  search,
  hint,
  placeholder,
  allowClear,
}: SearchSelectProps) {
  const [options, setOptions] = useState<SearchOption[]>(initial);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);

  useEffect(() => () => clearTimeout(timer.current), []);

  const onSearch = (text: string) => {
    clearTimeout(timer.current);
    const q = text.trim();
    if (!q) return;
    timer.current = setTimeout(async () => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const found = await search(q);
        if (mine === seq.current) setOptions(found);
      } catch (error) {
        toastError(error);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, 300);
  };

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ filterOption: false, onSearch }}
      notFoundContent={loading ? <Spin size="small" /> : hint}
      placeholder={placeholder ?? hint}
      // outside a Form.Item (no id to tie a label to) the hint names the field for screen readers
      aria-label={id ? undefined : (placeholder ?? hint)}
      allowClear={allowClear}
      style={{ width: '100%' }}
    />
  );
}
