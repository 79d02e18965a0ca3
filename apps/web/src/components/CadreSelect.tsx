import { api } from '../api/endpoints.ts';
import { SearchSelect } from './SearchSelect.tsx';

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
export function CadreSelect({ orgId, initial = [], ...props }: CadreSelectProps) {
  const search = async (q: string) => {
    const { items } = await api.cadres.list({ org: orgId, q, page: 1, pageSize: 20 });
    return items.map((c) => ({
      value: c.id,
      label: `${c.name} · ${c.orgName}${c.mobileMasked ? ` · ${c.mobileMasked}` : ''}`,
    }));
  };
  return (
    <SearchSelect
      {...props}
      initial={initial.map((c) => ({ value: c.id, label: c.name }))}
      search={search}
      hint="输入姓名搜索团干部"
    />
  );
}
