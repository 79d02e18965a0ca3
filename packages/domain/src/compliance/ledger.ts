import type { OrgLevel } from '../org-tree.ts';
import type { AssessmentFacts, Exemption, FilingKind } from './facts.ts';
import type { ParamOverrides } from './params.ts';
import type { ContactRole, Employment, Field, PresetId, Rank } from './types.ts';

/**
 * What the compliance engine reads of a `lianxin-ledger/1` document (interchange.md), typed
 * structurally so the domain package imports no schema of the contracts (only the plain-data
 * registry of activity types, which says what each type counts for). The core collections are
 * the format's; the ones marked extension carry what the engine needs and the core does not yet
 * hold (postings of issue 6, filings of issue 5, exemptions, secretary posts, assessments).
 */
export interface LedgerDocument {
  format: 'lianxin-ledger/1';
  organizations?: readonly LedgerOrganization[];
  cadres?: readonly LedgerCadre[];
  presets?: readonly LedgerPresetAdoption[];
  contactPoints?: readonly LedgerContactPoint[];
  contacts?: readonly LedgerContact[];
  activities?: readonly LedgerActivity[];
  /** extension: postings to the grassroots (常态化下沉基层 of seed 002, "8+4" of seed 004). */
  postings?: readonly LedgerPosting[];
  /** extension: leave taken during a posting. */
  leaves?: readonly LedgerLeave[];
  /** extension: task lists, reports and other records filed by a cadre or an organization. */
  filings?: readonly LedgerFiling[];
  /** extension: approved (or requested) exemptions from a rule. */
  exemptions?: readonly Exemption[];
  /** extension: year-end grades per assessing unit (baoji2018.assessment). */
  assessments?: readonly AssessmentFacts[];
}

export interface LedgerOrganization {
  id: string;
  level: OrgLevel;
  parent?: string;
  divisionCode?: string;
  field?: Field;
  /** optional part: the secretary post's vacancies; present (even empty) when the post is tracked (cyl2014.secretary_vacancy). */
  secretaryVacancies?: readonly { from: string; to: string | null }[];
}

export interface LedgerCadre {
  id: string;
  org: string;
  rank: Rank;
  employment: Employment;
  grassrootsYears?: number;
  probationEndsOn?: string;
  department?: string;
}

export interface LedgerPresetAdoption {
  org: string;
  preset: PresetId;
  /** extension: per rule id, the parameters this organization tightens. */
  params?: Readonly<Record<string, ParamOverrides>>;
}

export interface LedgerContactPoint {
  id: string;
  cadre?: string;
  holderOrg?: string;
  org: string;
  from: string;
  to: string | null;
  category?: string;
  topic?: string;
  showcase?: boolean;
  predecessor?: string;
  handoverNote?: string;
  /** extension: the day the point was entered on the 联系点登记表 (gd2006.registration). */
  registeredOn?: string;
}

export interface LedgerContact {
  id: string;
  role: ContactRole;
  field?: Field;
  tags?: readonly string[];
  of: readonly string[];
  keyOf?: readonly string[];
}

/** One activity of any type; each type's own fields are optional here. */
export interface LedgerActivity {
  id: string;
  cadre: string;
  type: string;
  point?: string;
  contacts?: readonly string[];
  start?: string;
  end?: string;
  travelDays?: number;
  date?: string;
  mode?: string;
  channel?: string;
  status?: string;
  org?: string;
  attendees?: number;
  /** problem: passed on (to a committee, a department or a 两会 proposal) and replied to the youth. */
  passedOn?: string;
  repliedOn?: string;
  // Carried by the format, not read by the engine:
  audience?: number;
  kind?: string;
  title?: string;
  outcome?: string;
  note?: string;
}

export interface LedgerPosting {
  id: string;
  cadre: string;
  /** Default `cyl2015`. */
  program?: 'cyl2015' | 'mz2016';
  batch: string;
  org: string;
  start: string;
  end: string;
  group?: string;
  groupLeader?: boolean;
}

export interface LedgerLeave {
  id: string;
  cadre: string;
  from: string;
  to: string;
  approved: boolean;
}

export interface LedgerFiling {
  id: string;
  kind: FilingKind;
  date: string;
  cadre?: string;
  org?: string;
  /** For a group report (cyl2015.reports). */
  group?: string;
  department?: string;
}
