import type { TPresetAdoption, TPresetAdoptionRequest } from '@lianxin/contracts';
import { type ParamOverrides, type Params, PRESETS, type PresetId, tighten } from '@lianxin/domain';
import type { Actor } from '../../platform/access/index.ts';
import { badRequest, type ErrorDetail } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import {
  type AdoptionRow,
  adoptionsAroundPath,
  adoptionsInForceAt,
  findAdoption,
  upsertAdoption,
} from './compliance.repo.ts';

type Overrides = Record<string, Record<string, unknown>>;

const toDto = (r: { orgId: string; preset: string; params: Overrides }): TPresetAdoption => ({
  org: r.orgId,
  preset: r.preset as PresetId,
  params: r.params as TPresetAdoption['params'],
});

/**
 * Problems of a chain of adoptions of one preset, root first: each level may tighten what is above
 * it, never loosen it (policy-rules.md). Named by organization, rule and parameter.
 */
export function chainProblems(
  preset: PresetId,
  chain: { orgId: string; params: Overrides }[],
): ErrorDetail[] {
  const def = PRESETS[preset];
  const problems: ErrorDetail[] = [];
  for (const a of chain)
    for (const ruleId of Object.keys(a.params))
      if (!def.rules.some((r) => r.id === ruleId))
        problems.push({
          path: `params.${ruleId}`,
          message: `预设 ${preset} 没有规则 ${ruleId} / preset ${preset} has no rule ${ruleId}`,
        });
  for (const rule of def.rules) {
    let params: Params = { ...def.who, ...rule.params };
    for (const a of chain) {
      const over = a.params[rule.id] as ParamOverrides | undefined;
      if (over === undefined) continue;
      const r = tighten(params, over);
      if (!r.ok) {
        for (const e of r.errors)
          problems.push({ path: `params.${rule.id}.${e.param}`, message: `${a.orgId}：${e.zh} / ${e.en}` });
        break;
      }
      params = r.params;
    }
  }
  return problems;
}

/** The adoptions that end at `orgPath`, root first. */
const chainTo = (rows: AdoptionRow[], orgPath: string) =>
  rows.filter((r) => orgPath.startsWith(r.path)).sort((a, b) => a.path.length - b.path.length);

/**
 * An organization adopts a preset, or changes the parameters it tightens. The new parameters are
 * checked against everything above, and every adoption below is checked against the new ones.
 */
export async function adoptPreset(
  p: Platform,
  actor: Actor,
  orgId: string,
  body: TPresetAdoptionRequest,
): Promise<TPresetAdoption> {
  const org = await loadOrg(p, actor, orgId, 'write');
  const around = (await adoptionsAroundPath(p.db, body.preset, org.path)).filter((r) => r.orgId !== org.id);
  const rows = [...around, { orgId: org.id, preset: body.preset, params: body.params, path: org.path }];
  const affected = rows.filter((r) => r.path.startsWith(org.path));
  const problems = affected.flatMap((r) => chainProblems(body.preset, chainTo(rows, r.path)));
  if (problems.length > 0)
    throw badRequest(
      'A lower level may tighten a parameter, never loosen it',
      '下级只能收紧参数，不能放宽',
      problems,
    );
  const before = await findAdoption(p.db, org.id, body.preset);
  const row = { orgId: org.id, preset: body.preset, params: body.params };
  await inTransaction(p, async (tx) => {
    await upsertAdoption(tx, row);
    await p.audit.append(tx, {
      actor: actor.name,
      action: before ? 'preset.update' : 'preset.adopt',
      objectType: 'organization',
      objectId: org.id,
      before: before && toDto(before),
      after: toDto(row),
      ip: actor.ip,
    });
  });
  return toDto(row);
}

/** The presets in force at an organization: its own adoptions and those it inherits. */
export async function presetsInForceAt(p: Platform, actor: Actor, orgId: string) {
  const org = await loadOrg(p, actor, orgId, 'read');
  return { items: (await adoptionsInForceAt(p.db, org.path)).map(toDto) };
}
