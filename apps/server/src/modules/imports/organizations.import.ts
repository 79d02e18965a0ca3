import crypto from 'node:crypto';
import { orgFieldLabels, type TImportResult } from '@lianxin/contracts';
import { childPath } from '@lianxin/domain';
import type { Actor } from '../../platform/access/index.ts';
import { organizations } from '../../platform/db/schema.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import type { OrgRow } from '../organizations/organizations.repo.ts';
import { orgResolver } from './org-lookup.ts';
import { buildTemplate, type Column, labelLookup, readRows, unwrittenResult } from './sheet.ts';

type Key = 'name' | 'shortName' | 'parent' | 'field';

export const orgColumns: Column<Key>[] = [
  { key: 'name', header: '团组织全称', required: true, hint: '共青团某某公司委员会', width: 30 },
  { key: 'shortName', header: '团组织简称', hint: '可空', width: 16 },
  { key: 'parent', header: '上级组织', hint: '全称或编号；留空为当前选中的组织', width: 26 },
  { key: 'field', header: '领域', required: true, choices: Object.values(orgFieldLabels), width: 14 },
];

export const organizationTemplate = () =>
  buildTemplate('基层团组织', orgColumns, [
    '基层团组织批量导入模板（连心）',
    '1. 带 * 的列为必填；第 2 行为填写示例说明，导入时自动跳过。',
    '2. 上级组织留空时，导入到页面上当前选中的组织之下；也可填写本文件中前面各行的组织全称（如团委下的团支部）。',
    `3. 领域：${Object.values(orgFieldLabels).join('、')}。`,
    '4. 文件中任何一行有误，整个文件都不会导入。',
  ]);

const fieldOf = labelLookup(orgFieldLabels, {
  机关: 'organ',
  事业单位: 'organ',
  社区: 'community',
  街道: 'community',
});
const header = (k: Key) => orgColumns.find((c) => c.key === k)?.header ?? k;

/** Bulk import of grassroots organizations (基层团委、团总支、团支部) under one organization. */
export async function importOrganizations(
  p: Platform,
  actor: Actor,
  root: OrgRow,
  file: Buffer,
  commit: boolean,
): Promise<TImportResult> {
  const { rows, errors } = await readRows(file, orgColumns);
  const resolve = await orgResolver(
    p,
    actor,
    root,
    rows.map((r) => r.values.parent ?? ''),
  );
  // a row may hang under an organization created by an earlier row of the same file
  const fromFile = new Map<string, { id: string; path: string }>();
  const toInsert: (typeof organizations.$inferInsert)[] = [];
  for (const { row, values } of rows) {
    const fail = (k: Key, reason: string) => errors.push({ row, column: header(k), reason });
    if (!values.name) fail('name', '必填项为空 / required');
    else if (values.name.length < 2 || values.name.length > 100)
      fail('name', '名称应为 2–100 个字 / 2–100 characters');
    const field = fieldOf(values.field);
    if (!values.field) fail('field', '必填项为空 / required');
    else if (!field) fail('field', `“${values.field}”不是有效领域 / unknown field`);
    let parent: { id: string; path: string } | string = root;
    if (values.parent) parent = fromFile.get(values.parent) ?? resolve(values.parent);
    if (typeof parent === 'string') fail('parent', parent);
    if (values.name && fromFile.has(values.name)) fail('name', '与前面的行重名 / repeats an earlier row');
    if (typeof parent === 'object' && values.name && field) {
      const id = crypto.randomUUID();
      const path = childPath(parent.path, id);
      fromFile.set(values.name, { id, path });
      toInsert.push({
        id,
        name: values.name,
        shortName: values.shortName ?? null,
        level: 'grassroots',
        parentId: parent.id,
        path,
        field,
      });
    }
  }
  const unwritten = unwrittenResult(rows.length, errors, commit);
  if (unwritten) return unwritten;
  await inTransaction(p, async (tx) => {
    await tx.insert(organizations).values(toInsert);
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'import.organizations',
      objectType: 'organization',
      objectId: root.id,
      after: { created: toInsert.map((o) => ({ id: o.id, name: o.name, parentId: o.parentId })) },
      ip: actor.ip,
    });
  });
  return { ok: true, committed: true, rows: rows.length, errors: [], created: toInsert.length };
}
