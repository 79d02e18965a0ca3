import { employmentLabels, rankLabels, type TCadre } from '@lianxin/contracts';
import { api } from '../../api/endpoints.ts';
import { downloadXlsx } from '../compliance/xlsx.ts';

const PAGE = 500; // the list's largest page

/** Every cadre of the organization's subtree the name filter keeps, page after page. */
async function allCadres(org: string, q: string): Promise<TCadre[]> {
  const out: TCadre[] = [];
  for (let page = 1; ; page++) {
    const got = await api.cadres.list({ org, q: q || undefined, page, pageSize: PAGE });
    out.push(...got.items);
    if (got.items.length < PAGE || out.length >= got.total) return out;
  }
}

/** 团干部名单 to .xlsx: the table's columns plus what the edit form holds, phones masked as shown. */
export async function exportCadres(org: { id: string; name: string }, q: string): Promise<number> {
  const cadres = await allCadres(org.id, q);
  await downloadXlsx({
    fileName: `团干部名单-${org.name}`,
    sheet: '团干部名单',
    header: [
      '序号',
      '姓名',
      '所在组织',
      '部室',
      '团内职务',
      '职级',
      '性质',
      '基层年限',
      '入职日期',
      '手机',
      '状态',
    ],
    rows: cadres.map((c, i) => [
      i + 1,
      c.name,
      c.orgName,
      c.department,
      c.position,
      rankLabels[c.rank],
      employmentLabels[c.employment],
      c.grassrootsYears,
      c.hiredOn,
      c.mobileMasked,
      c.active ? '在任' : '离任',
    ]),
  });
  return cadres.length;
}
