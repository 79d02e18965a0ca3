import {
  contactRoleLabels,
  contactTagLabels,
  orgFieldLabels,
  type TCreateContactRequest,
  type TImportResult,
  ZCreateContactRequest,
} from '@lianxin/contracts';
import { isValidIdNumber, normalizeMobile } from '@lianxin/domain';
import type { Actor } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import { badRequest } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import {
  buildTemplate,
  type Column,
  labelLookup,
  parseRows,
  type RowError,
  readRows,
  unwrittenResult,
} from '../imports/sheet.ts';
import { duplicateError, findDuplicate } from './contacts.duplicates.ts';
import { insertContact } from './contacts.service.ts';

type Key =
  | 'name'
  | 'role'
  | 'field'
  | 'unit'
  | 'tags'
  | 'key'
  | 'phone'
  | 'idNumber'
  | 'wechat'
  | 'qq'
  | 'weibo';

export const contactColumns: Column<Key>[] = [
  { key: 'name', header: '姓名', required: true, hint: '李四', width: 10 },
  { key: 'role', header: '身份', required: true, choices: Object.values(contactRoleLabels), width: 12 },
  { key: 'field', header: '领域', choices: Object.values(orgFieldLabels), width: 14 },
  { key: 'unit', header: '学习工作单位', hint: '某公司、某学校…', width: 24 },
  { key: 'tags', header: '类别', hint: '困难青年、留守儿童…，多个用顿号分隔', width: 24 },
  { key: 'key', header: '结对', choices: ['是', '否'], width: 8 },
  { key: 'phone', header: '手机号码', hint: '11 位', width: 14 },
  { key: 'idNumber', header: '身份证号码', hint: '18 位', width: 22 },
  { key: 'wechat', header: '微信号', width: 14 },
  { key: 'qq', header: 'QQ号', width: 14 },
  { key: 'weibo', header: '微博', width: 14 },
];

export const contactTemplate = () =>
  buildTemplate('联系青年', contactColumns, [
    '联系青年批量导入模板（连心）',
    '1. 带 * 的列为必填；第 2 行为填写示例说明，导入时自动跳过。',
    '2. 导入的青年加入一名团干部的联系名单：上传时指定团干部，不指定则为您本人。',
    '3. 身份：普通青年、基层团干部；领域：企业、农村、机关事业单位、学校、街道社区、社会组织、新媒体、其他。',
    `4. 类别可填：${Object.values(contactTagLabels).join('、')}，多个用顿号或逗号分隔；结对填“是”表示重点结对联系。`,
    '5. 手机号码、身份证号码、微信、QQ、微博将加密保存，页面上只显示脱敏后的号码。',
    '6. 同一个人只有一条记录：号码已在系统中的青年不能重复导入，请在页面上把他加入您的联系名单。',
    '7. 文件中任何一行有误，整个文件都不会导入；请按预览列出的行号和原因改正后重新上传。',
  ]);

const roleOf = labelLookup(contactRoleLabels, { 青年: 'youth', 团干部: 'league_cadre' });
const fieldOf = labelLookup(orgFieldLabels, { 机关: 'organ', 社区: 'community', 非公企业: 'enterprise' });
const tagOf = labelLookup(contactTagLabels, {
  困难: 'needy',
  留守: 'left_behind_child',
  残疾: 'disabled',
  贫困: 'poor_family',
  外来务工青年: 'non_local',
  非本地: 'non_local',
});
const header = (k: Key) => contactColumns.find((c) => c.key === k)?.header ?? k;

interface ParsedRow {
  row: number;
  contact: Omit<TCreateContactRequest, 'cadreId'>;
}

function parseRow(values: Partial<Record<Key, string>>, row: number, today: string) {
  const errors: RowError[] = [];
  const fail = (k: Key, reason: string) => errors.push({ row, column: header(k), reason });
  for (const c of contactColumns) if (c.required && !values[c.key]) fail(c.key, '必填项为空 / required');
  const role = roleOf(values.role);
  if (values.role && !role) fail('role', `“${values.role}”应为普通青年或基层团干部 / unknown role`);
  const field = fieldOf(values.field);
  if (values.field && !field) fail('field', `“${values.field}”不是有效领域 / unknown field`);
  const tagTexts = (values.tags ?? '').split(/[、,，;；\s]+/).filter(Boolean);
  const tags = tagTexts.map(tagOf);
  tagTexts.forEach((t, i) => {
    if (!tags[i]) fail('tags', `“${t}”不是有效类别 / unknown tag`);
  });
  const key = values.key === undefined ? false : ['是', '√', 'Y', 'y', '1'].includes(values.key.trim());
  if (values.key && !['是', '否', '√', 'Y', 'y', 'N', 'n', '1', '0'].includes(values.key.trim()))
    fail('key', '应为“是”或“否” / yes or no');
  const idNumber = values.idNumber?.toUpperCase();
  if (idNumber && !isValidIdNumber(idNumber, { asOf: today }))
    fail('idNumber', '身份证号码校验不通过 / invalid ID number');
  const channels = { wechat: values.wechat, qq: values.qq, weibo: values.weibo };
  const candidate = {
    name: values.name ?? '',
    role: role ?? 'youth',
    field,
    unit: values.unit,
    tags: tags.filter((t) => t !== undefined),
    key,
    phone: values.phone,
    idNumber,
    channels: Object.values(channels).some(Boolean) ? channels : undefined,
  };
  const parsed = ZCreateContactRequest.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const k = (issue.path[0] === 'channels' ? issue.path[1] : issue.path[0]) as Key;
      if (!errors.some((e) => e.column === header(k))) fail(k, issue.message);
    }
  }
  return { errors, parsed: parsed.success ? { row, contact: parsed.data } : null };
}

/**
 * Adds a sheet of people to one cadre's list (the caller's own unless `cadreId` names another in
 * the caller's subtree). Checks the whole sheet; writes only when every row is clean and `commit`
 * is asked, all at once.
 */
export async function importContacts(
  p: Platform,
  actor: Actor,
  cadreId: string | undefined,
  file: Buffer,
  commit: boolean,
): Promise<TImportResult> {
  const id = cadreId ?? actor.cadreId;
  if (!id)
    throw badRequest('Name the cadre whose list the contacts join (cadre)', '请指定团干部', [
      { path: 'cadre', message: '必填 / required' },
    ]);
  await loadCadre(p, actor, id, 'log');
  const { rows, errors } = await readRows(file, contactColumns);
  const today = chinaToday(p.clock);
  const parsed = parseRows(rows, errors, (values, row) => parseRow(values, row, today));
  await checkUniqueness(p, actor, parsed, errors);
  const unwritten = unwrittenResult(rows.length, errors, commit);
  if (unwritten) return unwritten;
  await inTransaction(p, async (tx) => {
    for (const r of parsed) await insertContact(p, tx, actor, id, r.contact);
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'import.contacts',
      objectType: 'cadre',
      objectId: id,
      after: { rows: parsed.length },
      ip: actor.ip,
    });
  });
  return { ok: true, committed: true, rows: rows.length, errors: [], created: parsed.length };
}

/** Same person, one record (decision 1): phone and ID number must be new, in the file and the database. */
async function checkUniqueness(p: Platform, actor: Actor, parsed: ParsedRow[], errors: RowError[]) {
  const seen = new Map<string, number>();
  for (const r of parsed) {
    const keys: ['phone' | 'idNumber', string | undefined][] = [
      ['phone', r.contact.phone ? normalizeMobile(r.contact.phone) : undefined],
      ['idNumber', r.contact.idNumber],
    ];
    for (const [k, v] of keys) {
      if (!v) continue;
      const first = seen.get(`${k}:${v}`);
      if (first !== undefined)
        errors.push({
          row: r.row,
          column: header(k),
          reason: `与第 ${first} 行重复 / duplicates row ${first}`,
        });
      else seen.set(`${k}:${v}`, r.row);
      const match = await findDuplicate(p.db, {
        [k === 'phone' ? 'phoneHash' : 'idNumberHash']: p.cipher.blindIndex(v),
      });
      // named only to whom may read the existing record (decision 26)
      if (match)
        errors.push({
          row: r.row,
          column: header(k),
          reason: (await duplicateError(p, actor, match)).messageZh,
        });
    }
  }
}
