import type { OrgLevel } from '../org-tree.ts';
import type { ContactRole, Employment, Field, Rank } from './types.ts';

/**
 * Per-subject facts for one (year, asOf) (decision 8): what the server computes with SQL and
 * `factsFromLedger` computes in plain TypeScript; both must agree. Every list is already cut to
 * the records that count: dated on or before `asOf`, a visit or stay once its `end` is, and —
 * for "year" lists — counted in the year in which it ends. Lists carry record ids, so a result
 * can name its evidence; the engine only counts, compares and filters by dates.
 */
/**
 * The id of an unlisted entry. A count-only evaluation (the server's dashboards) lists the records
 * behind a number only for the subject someone opens; everywhere else a list holds unlisted entries
 * that carry what the rules read (a date, on-site days, a field, a status) and no id. No rule keys on
 * such an id; every contact a rule does key on (a youth kept by two or more cadres of one
 * organization, mz2016.no_over_contact) is listed.
 */
export const UNLISTED = '';

export interface ComplianceFacts {
  year: number;
  /** Capped at 31 December of `year` (decision 9). */
  asOf: string;
  orgs: OrgFacts[];
  cadres: CadreFacts[];
  points: PointFacts[];
  postings: PostingFacts[];
  exemptions: Exemption[];
  /** Year-end grades per assessing unit (baoji2018.assessment); absent when none were given. */
  assessments: AssessmentFacts[];
}

export interface Dated {
  id: string;
  date: string;
}

/** A visit or a 同劳动同学习同生活 stay; `onSiteDays` is the span less travel days (在途时间不计). */
export interface StayFact {
  id: string;
  point: string | null;
  start: string;
  end: string;
  onSiteDays: number;
}

export interface ContactRef {
  id: string;
  role: ContactRole;
  field: Field | null;
  /** Tagged `needy` or one of its sub-tags (left-behind child, disabled, poor family, non-local). */
  needy: boolean;
}

export interface OrgFacts {
  id: string;
  level: OrgLevel;
  /** Ids from the root down to the organization itself (itself last). */
  chain: string[];
  /** The organization itself or its nearest province / prefecture (decision 3) / county ancestor. */
  province: string | null;
  prefecture: string | null;
  county: string | null;
  field: Field | null;
  /** In a 直辖市 or 副省级城市 (decision 3), for cyl2014.municipal_grassroots_points. */
  municipal: boolean;
  /** A sector committee (省直团工委, 省国资委团委 …: province level, no division code, decision 4). */
  sector: boolean;
  /** Secretary vacancies overlapping the year, up to asOf; undefined when the post is not tracked. */
  secretaryVacancies?: { from: string; to: string | null }[];
  /** Open days (专题开放日) the organization held in the year. */
  openDays: { id: string; date: string; attendees: number }[];
  /** Filings of the year: `half_year_report`, `report_recommendation` (baoji2018 12月底推荐调研报告). */
  filings: Filing[];
}

export type FilingKind =
  | 'task_list'
  | 'midyear_report'
  | 'research_topic'
  | 'point_registration'
  | 'personal_summary'
  | 'group_report'
  | 'half_year_report'
  | 'report_recommendation';

export interface Filing {
  id: string;
  kind: FilingKind;
  date: string;
  /** For `report_recommendation` by a department of a city committee (decision 5). */
  department?: string;
}

export interface ContactRhythm {
  contact: string;
  /** Months (1–12) of the year with an activity feeding `voice` (online, talk) naming the contact (日常有声音). */
  voiceMonths: number[];
  /** Months (1–12) with an activity feeding `event` naming the contact (每季有活动). */
  eventMonths: number[];
  /** Face-to-face activities naming the contact in the year (每年有面对面交流). */
  faceToFace: string[];
}

export interface CadreFacts {
  id: string;
  org: string;
  rank: Rank;
  employment: Employment;
  grassrootsYears: number | null;
  probationEndsOn: string | null;
  department: string | null;
  // The year, up to asOf:
  lectures: Dated[];
  visits: StayFact[];
  liveWith: StayFact[];
  /** Distinct youths met face to face: named in a face-to-face talk, a visit, a stay or an event. */
  youthsFaceToFace: string[];
  /** Distinct contacts with role `league_cadre` named in talks of any mode. */
  leagueCadresTalked: string[];
  researchReports: Dated[];
  /** `task_list`, `midyear_report`, `research_topic` filed by the cadre, dated in the year. */
  filings: Filing[];
  /** `online` activities on WeChat, QQ or Weibo. */
  channelUses: { id: string; date: string; channel: string }[];
  rhythm: ContactRhythm[];
  /** Mondays (YYYY-MM-DD) of the weeks with a day among grassroots youth (4+1). */
  grassrootsWeeks: string[];
  /**
   * `followedOn`: the first day it was passed on (to a committee, a department, a 两会 proposal) or
   * replied to (the answer given back to the youth), whichever came first; null while neither.
   */
  problems: {
    id: string;
    date: string;
    status: 'open' | 'in_progress' | 'resolved' | 'escalated';
    followedOn: string | null;
  }[];
  // The state at asOf:
  /** Contacts whose `of` lists the cadre (the "100" of 1+100). */
  contactsKept: ContactRef[];
  /** Contacts whose `keyOf` lists the cadre (结对). */
  keyContacts: ContactRef[];
}

export interface PointFacts {
  id: string;
  /** The cadre who holds the point, or null when an organ does (`holderOrg`, decision 6). */
  cadre: string | null;
  holderOrg: string | null;
  /** The organization that is the contact point. */
  org: string;
  from: string;
  to: string | null;
  category: string | null;
  topic: string | null;
  showcase: boolean;
  registeredOn: string | null;
  /** Handover of this tenure's ledger: the successor point, and whether a handover note exists. */
  successor: string | null;
  handoverNote: boolean;
  // The tenure, from `from` up to asOf (per-tenure rules, decision 9):
  tenure: {
    liveWith: StayFact[];
    lectures: Dated[];
    leaderMeetings: Dated[];
    /** Distinct youths named in talks (any mode) at the point. */
    youthsTalked: string[];
    /** Key contacts of the holder (role youth) named in an activity at the point. */
    keyYouths: ContactRef[];
  };
  // The year, up to asOf:
  year: {
    visits: StayFact[];
    liveWith: StayFact[];
    workItemsDone: string[];
    practicalHelp: Dated[];
    /** Distinct contacts named in practical help at the point (直接联系并帮助). */
    youthsHelped: string[];
    articles: Dated[];
    systems: Dated[];
  };
}

export interface PostingFacts {
  id: string;
  cadre: string;
  /** `cyl2015` (常态化下沉基层) or `mz2016` (8+4), decision 12. */
  program: 'cyl2015' | 'mz2016';
  batch: string;
  /** The county posted to (cyl2015) or the grassroots organization (8+4). */
  org: string;
  start: string;
  end: string;
  group: string | null;
  groupLeader: boolean;
  /** The cadre's contact point at the posted county from the posting on, if any (decision 11). */
  pointAtCounty: string | null;
  // The posting, up to asOf:
  cases: Dated[];
  /** Distinct youths named in activities at the posted county during the posting. */
  friends: string[];
  leaves: { id: string; approved: boolean }[];
  filings: Filing[];
  /** The group report, filed by any member of the group. */
  groupReport: Dated | null;
  /** Days of the posting with at least one logged activity. */
  loggedDays: string[];
  /** Contacts at the posted county's point in the year, outside the posting (research, phone, online). */
  offPostingContacts: Dated[];
}

export interface Exemption {
  id: string;
  /** The rule exempted, e.g. `cyl2014.visits_per_point`. */
  rule: string;
  /** The rule that allows the exemption, e.g. `cyl2014.remote_exemption` (边远艰苦地区). */
  basis?: string;
  cadre?: string;
  point?: string;
  org?: string;
  /** The period the exemption covers, both days included. */
  from: string;
  to: string;
  /** Who requested (e.g. the provincial committee) and who approved; without an approver it is pending. */
  requestedBy?: string;
  approver?: string;
  reason: string;
}

export interface AssessmentFacts {
  /** The assessing unit: an organization id, or `org#department` for a department (decision 5). */
  unit: string;
  org: string;
  grades: { cadre: string; grade: 'excellent' | 'good' | 'fair' | 'poor'; talkHeld?: boolean }[];
}
