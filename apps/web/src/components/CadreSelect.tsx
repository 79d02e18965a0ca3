import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { toastError } from '../feedback.ts';

interface CadreSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Search within this organization's subtree. */
  orgId?: string;
  allowClear?: boolean;
  /** Known cadres to offer before any search, so a value has a label. */
  initial?: { id: string; name: string }[];
}

/** Choose a cadre record by name (`GET /cadres?q=`); the value is the cadre id. */
export function CadreSelect({ id, value, onChange, orgId, allowClear, initial = [] }: CadreSelectProps) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>(() =>
    initial.map((c) => ({ value: c.id, label: c.name })),
  );
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
        const { items } = await api.cadres.list({ org: orgId, q, page: 1, pageSize: 20 });
        if (mine !== seq.current) return;
        setOptions(
          items.map((c) => ({
            value: c.id,
            label: `${c.name} · ${c.orgName}${c.mobileMasked ? ` · ${c.mobileMasked}` : ''}`,
          })),
        );
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
      notFoundContent={loading ? <Spin size="small" /> : '输入姓名搜索团干部'}
      placeholder="输入姓名搜索团干部"
      allowClear={allowClear}
      style={{ width: '100%' }}
    />
  );
}
