import type { Bilingual } from '../bilingual.ts';
import type { OrgLevel } from '../org-tree.ts';

// The domain package imports nothing of the others (style.md point 8), so the enumerations of
// docs/interchange.md that the rules need are repeated here; their wire values never change.

export const PRESET_IDS = [
  'cyl-2014-contact-points',
  'cyl-2015-sink-to-grassroots',
  'baoji-2018-close-contact',
  'guangdong-2006-contact-points',
  'meizhou-2016-direct-contact',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export const RANKS = ['secretariat', 'bureau', 'division', 'deputy_division', 'section', 'staff'] as const;
export type Rank = (typeof RANKS)[number];
/** 副处级（含）以上 */
export const DEPUTY_DIVISION_AND_ABOVE: readonly Rank[] = [
  'secretariat',
  'bureau',
  'division',
  'deputy_division',
];

export const EMPLOYMENTS = ['full_time', 'seconded', 'part_time'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];

export const FIELDS = [
  'enterprise',
  'rural',
  'organ',
  'school',
  'community',
  'social_org',
  'new_media',
  'other',
] as const;
export type Field = (typeof FIELDS)[number];

export type ContactRole = 'youth' | 'league_cadre';

/** Who or what a rule speaks of; `point` is one tenure of a contact point (held by a cadre or an organ). */
export type SubjectKind = 'cadre' | 'point' | 'org' | 'posting' | 'exemption';
/**
 * The period a result covers: a calendar year, a point's tenure, a posting's batch, or the state at
 * the as-of date (whose period is the year: final from 31 December on).
 */
export type Period = 'year' | 'tenure' | 'batch' | 'as_of';

export type ComplianceStatus = 'met' | 'unmet' | 'in_progress' | 'exempt' | 'not_applicable';

export interface ComplianceResult {
  rule: string;
  cadre: string | null;
  point: string | null;
  org: string | null;
  /** Set for per-posting rules (cyl2015); not part of the core answer. */
  posting?: string | null;
  /** Set for per-batch rules about an organization (cyl2015.batches). */
  batch?: string;
  /** Set for a department of a city committee, the assessing unit of decision 5 (baoji2018). */
  department?: string;
  status: ComplianceStatus;
  actual: number;
  /** The floor (or the target) of the rule for this subject. */
  required: number;
  /** The ceiling of a band "A to B" (policy-rules.md), when the rule has one. */
  max?: number;
  /** Ids of the records that counted: activities, contacts (rules about people), points, orgs. */
  evidence: string[];
  /** Lists a person needs to act on, e.g. `uncovered` and `doubly` for a coverage report. */
  detail?: Record<string, string[]>;
  /** Why a result is exempt: the exemption's id. */
  exemption?: string;
  /** An advisory rule: shown to the person, not counted in assessment grades. */
  advisory?: true;
}

export type { Bilingual, OrgLevel };
