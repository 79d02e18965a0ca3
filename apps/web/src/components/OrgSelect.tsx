import { orgLevelLabels, type TOrganization, type TOrgLevel } from '@lianxin/contracts';
import { api } from '../api/endpoints.ts';
import { type SearchOption, SearchSelect } from './SearchSelect.tsx';

type TKnownOrg = Pick<TOrganization, 'id' | 'name'> & { level?: TOrgLevel };

function toOption(org: TKnownOrg): SearchOption {
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
export function OrgSelect({ initial = [], exclude = [], ...props }: OrgSelectProps) {
  const search = async (q: string) => {
    const { items } = await api.orgs.search(q);
    return items.filter((o) => !exclude.includes(o.id)).map(toOption);
  };
  return (
    <SearchSelect {...props} initial={initial.map(toOption)} search={search} hint="输入名称或区划代码搜索" />
  );
}
