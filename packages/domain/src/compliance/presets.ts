import { baoji2018 } from './presets/baoji2018.ts';
import { cyl2014 } from './presets/cyl2014.ts';
import { cyl2015 } from './presets/cyl2015.ts';
import { gd2006 } from './presets/gd2006.ts';
import { mz2016 } from './presets/mz2016.ts';
import type { PresetDef, RuleDef } from './rule.ts';
import type { PresetId } from './types.ts';

/** The five policies of docs/policy-rules.md as data, keyed by preset id. */
export const PRESETS: Readonly<Record<PresetId, PresetDef>> = {
  'cyl-2014-contact-points': cyl2014,
  'cyl-2015-sink-to-grassroots': cyl2015,
  'baoji-2018-close-contact': baoji2018,
  'guangdong-2006-contact-points': gd2006,
  'meizhou-2016-direct-contact': mz2016,
};

export const ALL_RULES: readonly RuleDef[] = Object.values(PRESETS).flatMap((p) => p.rules);

export function ruleById(id: string): RuleDef | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
