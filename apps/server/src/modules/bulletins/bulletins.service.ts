import type { TBulletin, TBulletinQuery, TBulletinSettings, TRankingSwitches } from '@lianxin/contracts';
import { buildBulletin, bulletinSpan, type RankingSwitches, ruleById } from '@lianxin/domain';
import { type Actor, authorize } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { evaluateSubtree } from '../compliance/compliance.service.ts';
import { findOrg } from '../organizations/organizations.repo.ts';
import {
  adoptsPresets,
  cadreNames,
  lowerOrgs,
  orgNames,
  settingsOnChain,
  upsertSettings,
} from './bulletins.repo.ts';

async function loadLevel(p: Platform, actor: Actor, orgId: string, action: 'read' | 'configure') {
  const org = await findOrg(p.db, orgId);
  if (!org) throw notFound('Organization', orgId, '组织');
  await authorize(p, actor, { type: 'bulletin', id: orgId }, action);
  return org;
}

const chainOf = (path: string) => path.split('/').filter(Boolean);

/**
 * The switches in force at a level (decision 32): its own, else those of the nearest level above
 * that set them; both off where nobody did.
 */
async function switchesAt(p: Platform, org: { id: string; path: string }) {
  const chain = chainOf(org.path);
  const set = await settingsOnChain(p.db, chain);
  const nearest = set.sort((a, b) => chain.indexOf(b.setting.orgId) - chain.indexOf(a.setting.orgId))[0];
  return {
    rankOrgs: nearest?.setting.rankOrgs ?? false,
    rankCadres: nearest?.setting.rankCadres ?? false,
    setAt: nearest?.setting.orgId ?? null,
    setAtName: nearest?.name ?? null,
  };
}

export async function getSettings(p: Platform, actor: Actor, orgId: string): Promise<TBulletinSettings> {
  const org = await loadLevel(p, actor, orgId, 'read');
  return { orgId, ...(await switchesAt(p, org)) };
}

/** Only a level that adopts presets (an adopting level) sets the switches for itself and below. */
export async function setSettings(
  p: Platform,
  actor: Actor,
  orgId: string,
  switches: TRankingSwitches,
): Promise<TBulletinSettings> {
  const org = await loadLevel(p, actor, orgId, 'configure');
  if (!(await adoptsPresets(p.db, orgId)))
    throw badRequest(
      'Only a level that adopts presets sets the ranking switches',
      '只有采用了规则（预设）的层级才能设置通报排名',
      [{ path: 'orgId', message: '该组织未采用规则 / adopts no preset' }],
    );
  const before = await switchesAt(p, org);
  await inTransaction(p, async (tx) => {
    await upsertSettings(tx, orgId, { ...switches, updatedBy: actor.name, updatedAt: p.clock.now() });
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'bulletin.settings',
      objectType: 'bulletin',
      objectId: orgId,
      before: { rankOrgs: before.rankOrgs, rankCadres: before.rankCadres },
      after: switches,
      ip: actor.ip,
    });
  });
  return getSettings(p, actor, orgId);
}

/**
 * 通报 of a level for one month, quarter or half year: the rules evaluated over the level's
 * subtree as of the span's last day (today while it runs), summed per lower organization.
 */
/**
 * A level's figures at a date, as its bulletin reads them: each lower organization's pass rate and
 * coverage, each rule's, and the rankings the switches ask for. The grades of lower organizations
 * show the same figures beside each organization.
 */
export async function levelFigures(
  p: Platform,
  org: { id: string; path: string },
  year: number,
  asOf: string,
  switches: RankingSwitches,
) {
  const { facts, results } = await evaluateSubtree(p, year, asOf, { path: org.path, rootId: org.id });
  const inSubtree = facts.orgs.filter((o) => o.chain.includes(org.id));
  const subtreeIds = new Set(inSubtree.map((o) => o.id));
  const subtreeCadres = facts.cadres.filter((c) => subtreeIds.has(c.org));
  const names = switches.rankCadres
    ? await cadreNames(
        p.db,
        subtreeCadres.map((c) => c.id),
      )
    : new Map<string, string>();
  return buildBulletin({
    lowerOrgs: await lowerOrgs(p.db, org.id),
    orgs: inSubtree,
    cadres: subtreeCadres.map((c) => ({ id: c.id, org: c.org, name: names.get(c.id) ?? c.id })),
    points: facts.points,
    results,
    asOf,
    switches,
  });
}

export async function getBulletin(
  p: Platform,
  actor: Actor,
  orgId: string,
  q: TBulletinQuery,
): Promise<TBulletin> {
  const org = await loadLevel(p, actor, orgId, 'read');
  const span = bulletinSpan(q.period, q.year, q.index);
  if ('code' in span)
    throw badRequest(span.en, span.zh, [{ path: 'index', message: `${span.zh} / ${span.en}` }]);
  const today = chinaToday(p.clock);
  if (span.from > today)
    throw badRequest('The period has not begun', '该期通报的时段尚未开始', [
      { path: 'index', message: `${span.label} 尚未开始 / not begun` },
    ]);
  const asOf = span.to < today ? span.to : today;
  const switches = await switchesAt(p, org);
  const body = await levelFigures(p, org, q.year, asOf, switches);
  const cadreOrgNames = await orgNames(p.db, [...new Set((body.cadreRanking ?? []).map((c) => c.orgId))]);
  return {
    org: { id: org.id, name: org.name },
    period: span.period,
    year: span.year,
    index: span.index,
    label: span.label,
    from: span.from,
    to: span.to,
    asOf,
    final: asOf === span.to,
    switches: { rankOrgs: switches.rankOrgs, rankCadres: switches.rankCadres },
    rows: body.rows,
    rules: body.rules.map((r) => ({ ...r, text: ruleById(r.rule)?.describe.zh ?? r.rule })),
    ...(body.cadreRanking
      ? {
          cadreRanking: body.cadreRanking.map(({ orgId: cadreOrg, ...c }) => ({
            ...c,
            orgName: cadreOrgNames.get(cadreOrg) ?? cadreOrg,
          })),
        }
      : {}),
  };
}
