import crypto from 'node:crypto';
import type { TCadreInput, TUpdateCadreRequest } from '@lianxin/contracts';
import { isValidIdNumber, maskIdNumber, maskMobile, normalizeMobile } from '@lianxin/domain';
import { eq } from 'drizzle-orm';
import { type Action, type Actor, authorize } from '../../platform/access/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { cadres } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { type CadreRow, findCadre, findCadreByPersonalHash, listCadres, toCadreDto } from './cadres.repo.ts';

/** The cadre, or 404; then the access layer's answer (own record, or admins and leaders by subtree). */
export async function loadCadre(p: Platform, actor: Actor, id: string, action: Action<'cadre'>) {
  const row = await findCadre(p.db, id);
  if (!row) throw notFound('Cadre', id, '团干部');
  await authorize(p, actor, { type: 'cadre', id }, action);
  return row;
}

export async function listCadresFor(
  p: Platform,
  actor: Actor,
  q: { org?: string; q?: string; page: number; pageSize: number },
) {
  if (actor.role === 'cadre') {
    const own = actor.cadreId ? await findCadre(p.db, actor.cadreId) : null;
    return { items: own ? [toCadreDto(own)] : [], total: own ? 1 : 0, page: 1, pageSize: q.pageSize };
  }
  const orgId = q.org ?? actor.scopeOrgId;
  if (!orgId) throw badRequest('Name an organization (org)', '请指定组织');
  const org = await loadOrg(p, actor, orgId, 'read');
  const { items, total } = await listCadres(p.db, {
    orgPath: org.path,
    name: q.q,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: items.map(toCadreDto), total, page: q.page, pageSize: q.pageSize };
}

/** Encrypted value, keyed hash and mask of each personal field given (null clears it). */
function personalFields(p: Platform, input: { mobile?: string | null; idNumber?: string | null }) {
  const out: Partial<CadreRow> = {};
  if (input.mobile !== undefined) {
    const m = input.mobile === null ? null : normalizeMobile(input.mobile);
    out.mobileEnc = m ? p.cipher.encrypt(m) : null;
    out.mobileHash = m ? p.cipher.blindIndex(m) : null;
    out.mobileMasked = m ? maskMobile(m) : null;
  }
  if (input.idNumber !== undefined) {
    const id = input.idNumber?.toUpperCase() ?? null;
    if (id && !isValidIdNumber(id)) {
      throw badRequest('ID number fails its check digit or date', '身份证号码校验不通过', [
        { path: 'idNumber', message: '身份证号码校验位或出生日期有误 / invalid ID number' },
      ]);
    }
    out.idNumberEnc = id ? p.cipher.encrypt(id) : null;
    out.idNumberHash = id ? p.cipher.blindIndex(id) : null;
    out.idNumberMasked = id ? maskIdNumber(id) : null;
  }
  return out;
}

async function assertPersonUnique(db: Db, fields: Partial<CadreRow>, selfId?: string) {
  for (const [column, label] of [
    ['mobileHash', '手机号码'],
    ['idNumberHash', '身份证号码'],
  ] as const) {
    const hash = fields[column];
    if (!hash) continue;
    const other = await findCadreByPersonalHash(db, column, hash);
    if (other && other.id !== selfId) {
      throw new AppError(
        'conflict',
        `A cadre with this ${column === 'mobileHash' ? 'mobile' : 'ID number'} exists: ${other.id}`,
        `已有相同${label}的团干部「${other.name}」（${other.id}），请勿重复录入`,
        [{ path: column === 'mobileHash' ? 'mobile' : 'idNumber', message: `已存在：${other.id}` }],
      );
    }
  }
}

/** What the audit log may hold of a cadre: no personal data in clear (decision 16). */
export function auditView(row: Partial<CadreRow>) {
  const { mobileEnc, idNumberEnc, createdAt, ...rest } = row;
  return rest;
}

export async function createCadre(p: Platform, actor: Actor, input: TCadreInput) {
  const org = await loadOrg(p, actor, input.orgId, 'write');
  return inTransaction(p, (tx) => insertCadre(p, tx, actor, org.id, input));
}

/** The write itself, inside the caller's transaction; access to the organization is checked before. */
export async function insertCadre(p: Platform, tx: Db, actor: Actor, orgId: string, input: TCadreInput) {
  const personal = personalFields(p, input);
  await assertPersonUnique(tx, personal);
  const row = {
    id: crypto.randomUUID(),
    name: input.name,
    orgId,
    department: input.department ?? null,
    rank: input.rank,
    employment: input.employment,
    grassrootsYears: input.grassrootsYears,
    hiredOn: input.hiredOn ?? null,
    probationEndsOn: input.probationEndsOn ?? null,
    position: input.position ?? null,
    ethnicity: input.ethnicity ?? null,
    politicalStatus: input.politicalStatus ?? null,
    education: input.education ?? null,
    joinedLeagueOn: input.joinedLeagueOn ?? null,
    positionSince: input.positionSince ?? null,
    ...personal,
  };
  await tx.insert(cadres).values(row);
  await p.audit.append(tx, {
    actor: actor.name,
    action: 'cadre.create',
    objectType: 'cadre',
    objectId: row.id,
    after: auditView(row),
    ip: actor.ip,
  });
  return toCadreDto((await findCadre(tx, row.id))!);
}

export async function updateCadre(p: Platform, actor: Actor, id: string, input: TUpdateCadreRequest) {
  const current = await loadCadre(p, actor, id, 'write');
  if (input.orgId && input.orgId !== current.cadre.orgId) await loadOrg(p, actor, input.orgId, 'write');
  const { mobile, idNumber, ...plain } = input;
  const changes: Partial<CadreRow> = { ...plain, ...personalFields(p, { mobile, idNumber }) };
  return inTransaction(p, async (tx) => {
    await assertPersonUnique(tx, changes, id);
    await tx.update(cadres).set(changes).where(eq(cadres.id, id));
    const before = Object.fromEntries(
      Object.keys(changes).map((k) => [k, current.cadre[k as keyof CadreRow]]),
    );
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'cadre.update',
      objectType: 'cadre',
      objectId: id,
      before: auditView(before),
      after: auditView(changes),
      ip: actor.ip,
    });
    return toCadreDto((await findCadre(tx, id))!);
  });
}
