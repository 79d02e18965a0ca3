import crypto from 'node:crypto';
import {
  employmentLabels,
  leaguePositionChoices,
  rankLabels,
  type TCadreInput,
  type TImportResult,
  ZCadreInput,
  ZUsername,
} from '@lianxin/contracts';
import { isValidIdNumber, normalizeMobile, passwordProblems } from '@lianxin/domain';
import type { Actor } from '../../platform/access/index.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { accounts } from '../../platform/db/schema.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { findAccountByUsername } from '../accounts/accounts.repo.ts';
import { findCadreByPersonalHash } from '../cadres/cadres.repo.ts';
import { insertCadre } from '../cadres/cadres.service.ts';
import type { OrgRow } from '../organizations/organizations.repo.ts';
import { orgResolver } from './org-lookup.ts';
import {
  buildTemplate,
  type Column,
  labelLookup,
  parseDate,
  parseRows,
  parseYearMonth,
  type RowError,
  readRows,
  unwrittenResult,
} from './sheet.ts';

type Key =
  | 'name'
  | 'org'
  | 'department'
  | 'rank'
  | 'employment'
  | 'grassrootsYears'
  | 'hiredOn'
  | 'probationEndsOn'
  | 'position'
  | 'ethnicity'
  | 'politicalStatus'
  | 'education'
  | 'joinedLeagueOn'
  | 'positionSince'
  | 'mobile'
  | 'idNumber'
  | 'username'
  | 'password';

// Field names as 智慧团建's cadre forms label them, where they mean the same thing; a sheet exported
// from 智慧团建 (所在团支部 for the organization, no 职级) imports as it is.
export const cadreColumns: Column<Key>[] = [
  { key: 'name', header: '姓名', required: true, hint: '张三', width: 10 },
  {
    key: 'org',
    header: '所在组织',
    aliases: ['所在团支部', '所在团组织'],
    required: true,
    hint: '组织全称或组织编号',
    width: 24,
  },
  { key: 'department', header: '部室', hint: '机关部室，可空', width: 12 },
  { key: 'rank', header: '职级', hint: '可空，空则为“其他”', choices: Object.values(rankLabels), width: 12 },
  {
    key: 'employment',
    header: '团干部性质',
    required: true,
    choices: Object.values(employmentLabels),
    width: 12,
  },
  { key: 'grassrootsYears', header: '基层工作年限', hint: '数字，如 2', width: 12 },
  { key: 'hiredOn', header: '参加工作日期', hint: '2019-07-01', width: 14 },
  { key: 'probationEndsOn', header: '试用期满日期', hint: '新录用人员填写', width: 14 },
  { key: 'position', header: '团内现任职务', hint: leaguePositionChoices.join('、'), width: 14 },
  { key: 'mobile', header: '手机号码', hint: '11 位', width: 14 },
  { key: 'idNumber', header: '身份证号码', hint: '18 位', width: 22 },
  { key: 'username', header: '登录账号', hint: '填写则同时开通团干部账号', width: 14 },
  { key: 'password', header: '初始密码', hint: '首次登录须修改', width: 14 },
  { key: 'ethnicity', header: '民族', hint: '汉族', width: 8 },
  { key: 'politicalStatus', header: '政治面貌', hint: '共青团员、中共党员…', width: 12 },
  { key: 'education', header: '文化程度', hint: '大学本科', width: 12 },
  { key: 'joinedLeagueOn', header: '入团年月', hint: '2008-05', width: 10 },
  { key: 'positionSince', header: '任现职年月', hint: '2022-07', width: 10 },
];

export const cadreTemplate = () =>
  buildTemplate('团干部', cadreColumns, [
    '团干部批量导入模板（连心）',
    '1. 带 * 的列为必填；第 2 行为填写示例说明，导入时自动跳过。',
    '2. 所在组织：填写组织全称或组织编号，须在您管理的组织范围内。',
    '3. 职级：书记处成员、局级、正处、副处、科级、其他，可空（空则为“其他”）；团干部性质：专职、挂职、兼职。',
    '   从智慧团建导出的团干部表可直接上传：按表头识别各列，“所在团支部”即所在组织，用不到的列自动忽略。',
    '   入团年月、任现职年月写作 2008-05、2008/5、2008年5月 或 200805。',
    '4. 手机号码、身份证号码将加密保存，页面上只显示脱敏后的号码；同一号码不能重复录入。',
    '5. 填写“登录账号”和“初始密码”即同时开通团干部账号；密码至少 8 位，含大写字母、小写字母、数字、符号中的 3 类。',
    '6. 文件中任何一行有误，整个文件都不会导入；请按预览列出的行号和原因改正后重新上传。',
  ]);

const rankOf = labelLookup(rankLabels, {
  正处级: 'division',
  副处级: 'deputy_division',
  科级及以下: 'section',
  局级及以上: 'bureau',
});
const employmentOf = labelLookup(employmentLabels);

/** A field's column as the file names it (所在团支部 in a 智慧团建 export), for error messages. */
type HeaderOf = (k: Key) => string;
const headerOf =
  (inFile: Partial<Record<Key, string>>): HeaderOf =>
  (k) =>
    inFile[k] ?? cadreColumns.find((c) => c.key === k)?.header ?? k;

interface ParsedRow {
  row: number;
  cadre: TCadreInput;
  username?: string;
  password?: string;
}

function parseRow(
  values: Partial<Record<Key, string>>,
  row: number,
  org: (t: string) => OrgRow | string,
  header: HeaderOf,
) {
  const errors: RowError[] = [];
  const fail = (k: Key, reason: string) => errors.push({ row, column: header(k), reason });
  for (const c of cadreColumns) if (c.required && !values[c.key]) fail(c.key, '必填项为空 / required');
  const orgHit = values.org ? org(values.org) : undefined;
  if (typeof orgHit === 'string') fail('org', orgHit);
  const rank = rankOf(values.rank);
  if (values.rank && !rank) fail('rank', `“${values.rank}”不是有效职级 / unknown rank`);
  const employment = employmentOf(values.employment);
  if (values.employment && !employment)
    fail('employment', `“${values.employment}”应为专职、挂职或兼职 / unknown employment`);
  const dates: Partial<Record<'hiredOn' | 'probationEndsOn', string>> = {};
  for (const k of ['hiredOn', 'probationEndsOn'] as const) {
    const text = values[k];
    if (!text) continue;
    const d = parseDate(text);
    if (d) dates[k] = d;
    else fail(k, `“${text}”不是有效日期 / not a date`);
  }
  const months: Partial<Record<'joinedLeagueOn' | 'positionSince', string>> = {};
  for (const k of ['joinedLeagueOn', 'positionSince'] as const) {
    const text = values[k];
    if (!text) continue;
    const m = parseYearMonth(text);
    if (m) months[k] = m;
    else fail(k, `“${text}”不是有效年月（如 2008-05） / not a year-month`);
  }
  const years = values.grassrootsYears === undefined ? 0 : Number(values.grassrootsYears);
  if (!Number.isFinite(years) || years < 0 || years > 60) fail('grassrootsYears', '应为 0–60 的数字 / 0–60');
  const mobile = values.mobile ? normalizeMobile(values.mobile) : undefined;
  const idNumber = values.idNumber?.toUpperCase();
  if (idNumber && !isValidIdNumber(idNumber)) fail('idNumber', '身份证号码校验不通过 / invalid ID number');
  if (values.username && !ZUsername.safeParse(values.username).success)
    fail('username', '账号为 3–40 位字母、数字、. _ - / bad username');
  if (values.username && !values.password) fail('password', '开通账号须填写初始密码 / password required');
  if (values.password) {
    for (const problem of passwordProblems(values.password, { username: values.username ?? '' }))
      fail('password', `${problem.zh} / ${problem.en}`);
  }
  const candidate = {
    name: values.name ?? '',
    orgId: typeof orgHit === 'object' ? orgHit.id : '-',
    department: values.department ?? null,
    rank: rank ?? 'staff',
    employment: employment ?? 'full_time',
    grassrootsYears: Number.isFinite(years) ? years : 0,
    hiredOn: dates.hiredOn ?? null,
    probationEndsOn: dates.probationEndsOn ?? null,
    position: values.position ?? null,
    ethnicity: values.ethnicity ?? null,
    politicalStatus: values.politicalStatus ?? null,
    education: values.education ?? null,
    joinedLeagueOn: months.joinedLeagueOn ?? null,
    positionSince: months.positionSince ?? null,
    mobile: mobile ?? null,
    idNumber: idNumber ?? null,
  };
  const parsed = ZCadreInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const k = String(issue.path[0]) as Key;
      if (!errors.some((e) => e.column === header(k))) fail(k, issue.message);
    }
  }
  return {
    errors,
    parsed: parsed.success
      ? { row, cadre: parsed.data, username: values.username, password: values.password }
      : null,
  };
}

/** Checks a whole sheet; writes it only when every row is clean and `commit` is asked, all at once. */
export async function importCadres(
  p: Platform,
  actor: Actor,
  root: OrgRow,
  file: Buffer,
  commit: boolean,
): Promise<TImportResult> {
  const { rows, errors, headers } = await readRows(file, cadreColumns);
  const header = headerOf(headers);
  const resolveOrg = await orgResolver(
    p,
    actor,
    root,
    rows.map((r) => r.values.org ?? ''),
  );
  const parsed = parseRows(rows, errors, (values, row) => parseRow(values, row, resolveOrg, header));
  await checkUniqueness(p, parsed, errors, header);
  const unwritten = unwrittenResult(rows.length, errors, commit);
  if (unwritten) return unwritten;
  const hashes = await Promise.all(parsed.map((r) => (r.password ? hashPassword(r.password) : null)));
  await inTransaction(p, async (tx) => {
    for (const [i, r] of parsed.entries()) {
      const cadre = await insertCadre(p, tx, actor, r.cadre.orgId, r.cadre);
      const passwordHash = hashes[i];
      if (r.username && passwordHash) {
        await tx.insert(accounts).values({
          id: crypto.randomUUID(),
          username: r.username,
          role: 'cadre',
          scopeOrgId: cadre.orgId,
          cadreId: cadre.id,
          passwordHash,
          mustChangePassword: true,
        });
      }
    }
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'import.cadres',
      objectType: 'organization',
      objectId: root.id,
      after: { rows: parsed.length },
      ip: actor.ip,
    });
  });
  return { ok: true, committed: true, rows: rows.length, errors: [], created: parsed.length };
}

/** Mobile, ID number and username must be new: within the file and against the database. */
async function checkUniqueness(p: Platform, parsed: ParsedRow[], errors: RowError[], header: HeaderOf) {
  const seen = new Map<string, number>();
  for (const r of parsed) {
    const keys: [Key, string | null | undefined][] = [
      ['mobile', r.cadre.mobile],
      ['idNumber', r.cadre.idNumber],
      ['username', r.username?.toLowerCase()],
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
      const existing =
        k === 'username'
          ? await findAccountByUsername(p.db, v)
          : await findCadreByPersonalHash(
              p.db,
              k === 'mobile' ? 'mobileHash' : 'idNumberHash',
              p.cipher.blindIndex(v),
            );
      if (existing)
        errors.push({ row: r.row, column: header(k), reason: '系统中已存在，请勿重复录入 / already exists' });
    }
  }
}
