import { orgLevelLabels, type TOrganization, type TOrgLevel } from '@lianxin/contracts';
import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { toastError } from '../feedback.ts';

interface Option {
  value: string;
  label: string;
}

type TKnownOrg = Pick<TOrganization, 'id' | 'name'> & { level?: TOrgLevel };

function toOption(org: TKnownOrg): Option {
  return { value: org.id, label: org.level ? `${org.name}（${orgLevelLabels[org.level]}）` : org.name };
}

interface OrgSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Known organizations to offer before any search (e.g. the current one), so a value has a label. */
  initial?: TKnownOrg[];
  /** Organizations that may not be chosen (e.g. the one being moved). */
  exclude?: string[];
  placeholder?: string;
  allowClear?: boolean;
}

/** Choose an organization within the caller's scope, searched by name or division code (`?q=`). */
export function OrgSelect({
  id,
  value,
  onChange,
  initial = [],
  exclude = [],
  placeholder,
  allowClear,
}: OrgSelectProps) {
  const [options, setOptions] = useState<Option[]>(() => initial.map(toOption));
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
        const { items } = await api.orgs.search(q);
        if (mine !== seq.current) return;
        setOptions(items.filter((o) => !exclude.includes(o.id)).map(toOption));
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
      notFoundContent={loading ? <Spin size="small" /> : '输入名称或区划代码搜索'}
      placeholder={placeholder ?? '输入名称或区划代码搜索'}
      allowClear={allowClear}
      style={{ width: '100%' }}
    />
  );
}
