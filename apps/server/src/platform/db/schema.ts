import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** 团组织. `path` is the materialized path of ids (`/central/div-610000/…/`) for subtree scope. */
export const organizations = pgTable(
  'organizations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    level: text('level').notNull(),
    parentId: text('parent_id'),
    path: text('path').notNull(),
    divisionCode: text('division_code'),
    field: text('field'),
    municipal: boolean('municipal').notNull().default(false),
    closedOn: date('closed_on'),
    /** the committee's secretary post is watched for vacancy (cyl2014.secretary_vacancy) */
    secretaryTracked: boolean('secretary_tracked').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('organizations_parent_idx').on(t.parentId),
    index('organizations_path_idx').on(t.path.op('text_pattern_ops')),
    // the open-children count of the tree, index-only (0022)
    index('organizations_open_children_idx').on(t.parentId).where(sql`closed_on IS NULL`),
    // decision 1: a division code is unique per level
    uniqueIndex('organizations_level_division_uq').on(t.level, t.divisionCode),
  ],
);

/** 团干部. Personal fields are stored encrypted (`*_enc`) with a keyed hash (`*_hash`) for matching. */
export const cadres = pgTable(
  'cadres',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    department: text('department'),
    rank: text('rank').notNull(),
    employment: text('employment').notNull(),
    grassrootsYears: numeric('grassroots_years', { mode: 'number' }).notNull().default(0),
    hiredOn: date('hired_on'),
    probationEndsOn: date('probation_ends_on'),
    position: text('position'),
    // as 智慧团建 records the person (familiar.md); 年月 as YYYY-MM
    ethnicity: text('ethnicity'),
    politicalStatus: text('political_status'),
    education: text('education'),
    joinedLeagueOn: text('joined_league_on'),
    positionSince: text('position_since'),
    mobileEnc: bytea('mobile_enc'),
    mobileHash: text('mobile_hash'),
    mobileMasked: text('mobile_masked'),
    idNumberEnc: bytea('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    idNumberMasked: text('id_number_masked'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('cadres_org_idx').on(t.orgId),
    uniqueIndex('cadres_mobile_uq').on(t.mobileHash),
    uniqueIndex('cadres_id_number_uq').on(t.idNumberHash),
  ],
);

export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    role: text('role').notNull(),
    scopeOrgId: text('scope_org_id').references(() => organizations.id),
    cadreId: text('cadre_id').references(() => cadres.id),
    passwordHash: text('password_hash').notNull(),
    /** the hashes of the last passwords, newest first: a new one may not repeat the last 3 */
    passwordHistory: jsonb('password_history').$type<string[]>().notNull().default([]),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    totpSecretEnc: bytea('totp_secret_enc'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** the last TOTP time step accepted: a code is good once (no replay within its window) */
    totpLastStep: integer('totp_last_step'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('accounts_username_uq').on(sql`lower(${t.username})`)],
);

export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_failures_account_idx').on(t.accountId, t.at)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/** Append-only, hash-chained audit log (a trigger refuses UPDATE, DELETE and TRUNCATE). */
export const auditLog = pgTable('audit_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  objectType: text('object_type'),
  objectId: text('object_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: text('ip'),
  result: text('result').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** The audit chain's head: the hash of its last row (one row; appending moves it, platform/audit.ts). */
export const auditChain = pgTable('audit_chain', {
  id: smallint('id').primaryKey().default(1),
  lastHash: text('last_hash').notNull(),
});

/**
 * Presets an organization adopts; its subtree inherits them (policy-rules.md). `params` holds, per
 * rule id, the parameters this level tightens (the domain's `tighten`: never looser than above).
 */
export const orgPresets = pgTable(
  'org_presets',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    preset: text('preset').notNull(),
    params: jsonb('params').$type<Record<string, Record<string, unknown>>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.preset] })],
);

/**
 * 豁免: a rule waived for one subject (cadre, point or organization) over a period, e.g. the
 * remote-area exemption of cyl2014. Requested by an organization, approved by an admin above it;
 * without an approver it is pending and changes no result.
 */
export const exemptions = pgTable(
  'exemptions',
  {
    id: text('id').primaryKey(),
    rule: text('rule').notNull(),
    /** the rule that allows the exemption, e.g. cyl2014.remote_exemption */
    basisRule: text('basis_rule'),
    cadreId: text('cadre_id').references(() => cadres.id),
    pointId: text('point_id').references(() => contactPoints.id),
    orgId: text('org_id').references(() => organizations.id),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    requestedByOrgId: text('requested_by_org_id')
      .notNull()
      .references(() => organizations.id),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('exemptions_requested_by_idx').on(t.requestedByOrgId),
    index('exemptions_period_idx').on(t.toDate, t.fromDate),
  ],
);

/**
 * 联系点: one tenure of a cadre (or an organ, decision 6) at an organization, `from`–`to` both
 * included. Rotation ends a tenure and starts the successor's, linked by `predecessorId`; the
 * ledger of a point is every record of its chain of tenures.
 */
export const contactPoints = pgTable(
  'contact_points',
  {
    id: text('id').primaryKey(),
    cadreId: text('cadre_id').references(() => cadres.id),
    holderOrgId: text('holder_org_id').references(() => organizations.id),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    category: text('category'),
    topic: text('topic'),
    showcase: boolean('showcase').notNull().default(false),
    predecessorId: text('predecessor_id'),
    handoverNote: text('handover_note'),
    /** the day the point was entered on the 联系点登记表 (gd2006.registration) */
    registeredOn: date('registered_on'),
    createdAt: createdAt(),
  },
  (t) => [
    index('contact_points_cadre_idx').on(t.cadreId),
    index('contact_points_org_idx').on(t.orgId),
    // every point answer looks up its successor (轮换) by predecessor_id
    index('contact_points_predecessor_idx').on(t.predecessorId),
  ],
);

/**
 * 明白帐 (seed 000 四.2, seed 002 三): one version of one section, written under the tenure its
 * writer held. Rows are never changed: the newest per section over the chain is the account, the
 * rest its history, so a successor reads what the predecessor kept and goes on from there.
 */
export const factBookEntries = pgTable(
  'fact_book_entries',
  {
    id: text('id').primaryKey(),
    // the order versions were written in, whatever the clock says
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    pointId: text('point_id')
      .notNull()
      .references(() => contactPoints.id),
    section: text('section').notNull(),
    text: text('text').notNull(),
    writtenBy: text('written_by').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fact_book_entries_point_idx').on(t.pointId, t.seq)],
);

/** 联系青年: youths and grassroots League cadres. Phone and ID number encrypted like cadres'. */
export const contacts = pgTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    field: text('field'),
    unit: text('unit'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    phoneEnc: bytea('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    idNumberEnc: bytea('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    idNumberMasked: text('id_number_masked'),
    /** WeChat / QQ / Weibo handles, encrypted as one JSON text */
    channelsEnc: bytea('channels_enc'),
    /** an under-14's guardian's consent to storing phone, ID number or handles (decision 27) */
    guardianConsent: jsonb('guardian_consent').$type<{
      guardian: string;
      relation: string;
      on: string;
      method: string;
      recordedBy: string;
    }>(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('contacts_phone_uq').on(t.phoneHash),
    uniqueIndex('contacts_id_number_uq').on(t.idNumberHash),
  ],
);

/** The cadres who keep a contact among their regular contacts (`of`), and for whom it is key (`keyOf`). */
export const contactKeepers = pgTable(
  'contact_keepers',
  {
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => cadres.id),
    key: boolean('key').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.contactId, t.cadreId] }),
    index('contact_keepers_cadre_idx').on(t.cadreId),
  ],
);

/**
 * A cadre asking to keep a person already on file outside their reach (decision 26): decided by
 * an admin over the cadre and every current keeper. One pending request per person and cadre.
 */
export const keeperRequests = pgTable(
  'keeper_requests',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => cadres.id),
    requestedBy: text('requested_by').notNull(),
    note: text('note'),
    /** pending | approved | rejected */
    status: text('status').notNull().default('pending'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('keeper_requests_pending_uq').on(t.contactId, t.cadreId).where(sql`status = 'pending'`),
    index('keeper_requests_status_idx').on(t.status),
  ],
);

/**
 * 工作日志: every activity of the interchange. `startDate`/`endDate` hold a visit's or stay's span and
 * a dated activity's date in both; the type's own fields live in `details`.
 */
export const activities = pgTable(
  'activities',
  {
    id: text('id').primaryKey(),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => cadres.id),
    type: text('type').notNull(),
    pointId: text('point_id').references(() => contactPoints.id),
    startDate: date('start_date'),
    endDate: date('end_date'),
    travelDays: integer('travel_days'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('activities_cadre_idx').on(t.cadreId, t.endDate),
    index('activities_point_idx').on(t.pointId),
    index('activities_type_idx').on(t.type, t.endDate),
  ],
);

export const activityContacts = pgTable(
  'activity_contacts',
  {
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.contactId] }),
    index('activity_contacts_contact_idx').on(t.contactId),
  ],
);

/** Photos and documents of an activity; the bytes are in the attachment store, by content (decision 20). */
export const attachments = pgTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('attachments_activity_idx').on(t.activityId),
    // is a content still referred to, before its stored object is removed
    index('attachments_sha256_idx').on(t.sha256),
  ],
);

/**
 * Attachments' bytes on PostgreSQL, which every app server sees (decision 20, issue 16): encrypted
 * with the field cipher, named by a keyed hash of the content. The embedded database keeps a folder.
 */
export const attachmentBlobs = pgTable('attachment_blobs', {
  name: text('name').primaryKey(),
  data: bytea('data').notNull(),
  createdAt: createdAt(),
});

/**
 * Rotations of the field key (`npx lianxin rotate-key`). Keys are named by a fingerprint, never
 * stored. `progress` (per step: the last key done, and whether the step is over) is written in the
 * transaction of each batch, so a stopped run resumes exactly where it stood.
 */
export const keyRotations = pgTable(
  'key_rotations',
  {
    id: text('id').primaryKey(),
    oldKeyId: text('old_key_id').notNull(),
    newKeyId: text('new_key_id').notNull(),
    progress: jsonb('progress')
      .$type<Record<string, { after: string | null; done: boolean; count: number }>>()
      .notNull()
      .default({}),
    startedBy: text('started_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  () => [uniqueIndex('key_rotations_running_uq').on(sql`(true)`).where(sql`finished_at IS NULL`)],
);

/**
 * The annual cycle's filings of a cadre (seed 001): 任务清单 (`task_list`) and 半年自查报告
 * (`midyear_report`), one per kind and year. `firstSubmittedOn` is the date the deadline is met by.
 */
export const cycleFilings = pgTable(
  'cycle_filings',
  {
    id: text('id').primaryKey(),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => cadres.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    firstSubmittedOn: date('first_submitted_on'),
    submittedOn: date('submitted_on'),
    reviewComment: text('review_comment'),
    reviewedBy: text('reviewed_by'),
    reviewedOn: date('reviewed_on'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cycle_filings_cadre_year_kind_uq').on(t.cadreId, t.year, t.kind)],
);

/** 推荐调研报告: a county committee or a department (decision 5) recommends a research report, then scores. */
export const reportRecommendations = pgTable(
  'report_recommendations',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    department: text('department'),
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id),
    recommendedOn: date('recommended_on').notNull(),
    recommendedBy: text('recommended_by').notNull(),
    score: numeric('score', { mode: 'number' }),
    scoredBy: text('scored_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('report_recommendations_activity_uq').on(t.activityId),
    index('report_recommendations_org_idx').on(t.orgId, t.year),
  ],
);

/**
 * 年底考核 of one assessing unit (an organization, or a department of it: `department` '' for the
 * whole organization, decision 5). Published results are locked; an unlock is audited with its reason.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    department: text('department').notNull().default(''),
    status: text('status').notNull(),
    sampleSize: integer('sample_size').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('assessments_unit_uq').on(t.year, t.orgId, t.department)],
);

/** One cadre assessed: grade, mutual review scores (互检互评) and the 约谈 a 差 leads to. */
export const assessmentEntries = pgTable(
  'assessment_entries',
  {
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => cadres.id),
    grade: text('grade'),
    /** reviewer cadre id → score */
    reviews: jsonb('reviews').$type<Record<string, number>>().notNull().default({}),
    talkHeldOn: date('talk_held_on'),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.cadreId] }),
    index('assessment_entries_cadre_idx').on(t.cadreId),
  ],
);

/** 电话（网络）抽查: contacts drawn with a recorded seed, and whether each confirmed the contact work. */
export const spotChecks = pgTable(
  'spot_checks',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => cadres.id),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    seed: text('seed').notNull(),
    confirmed: boolean('confirmed'),
    channel: text('channel'),
    note: text('note'),
    checkedBy: text('checked_by'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('spot_checks_uq').on(t.assessmentId, t.cadreId, t.contactId)],
);
/**
 * 下沉基层 program (decision 12): `cyl2015` (seed 002) posts the organ cadres of `organIds` to counties
 * in batches, in groups of 3–4; `mz2016` ("8+4", seed 004) posts a county committee's cadres to its
 * grassroots organizations in groups of 2–3. Run by the admins of `orgId`.
 */
export const postingPrograms = pgTable(
  'posting_programs',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    organIds: jsonb('organ_ids').$type<string[]>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('posting_programs_org_idx').on(t.orgId)],
);

export const postingBatches = pgTable(
  'posting_batches',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => postingPrograms.id),
    name: text('name').notNull(),
    startDate: date('start_date').notNull(),
  },
  (t) => [index('posting_batches_program_idx').on(t.programId, t.startDate)],
);

/** A program's plan: the planner's problem and plan documents (`lianxin-posting/1`), draft until published. */
export const postingPlans = pgTable(
  'posting_plans',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => postingPrograms.id),
    status: text('status').notNull(),
    problem: jsonb('problem').$type<Record<string, unknown>>().notNull(),
    plan: jsonb('plan').$type<Record<string, unknown>>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    publishedBy: text('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('posting_plans_program_idx').on(t.programId, t.status)],
);

/** 工作小组: the cadres of one batch posted to counties of one prefecture, with their leader (牵头人). */
export const postingGroups = pgTable(
  'posting_groups',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => postingPrograms.id),
    batchId: text('batch_id')
      .notNull()
      .references(() => postingBatches.id),
    prefectureOrgId: text('prefecture_org_id')
      .notNull()
      .references(() => organizations.id),
    leaderCadreId: text('leader_cadre_id').references(() => cadres.id),
  },
  (t) => [index('posting_groups_program_idx').on(t.programId)],
);

/**
 * 派驻: one cadre in one batch at one county (or grassroots organization, "8+4"), `from`–`to` both
 * included. `deliverables` tracks the six of seed 002 (六个一) by key, as the admin marks them.
 */
export const postings = pgTable(
  'postings',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => postingPrograms.id),
    batchId: text('batch_id')
      .notNull()
      .references(() => postingBatches.id),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => cadres.id),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    groupId: text('group_id').references(() => postingGroups.id),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    months: integer('months').notNull(),
    pointId: text('point_id').references(() => contactPoints.id),
    deliverables: jsonb('deliverables')
      .$type<Record<string, { done: boolean; note: string | null }>>()
      .notNull()
      .default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('postings_cadre_idx').on(t.cadreId, t.fromDate),
    index('postings_group_idx').on(t.groupId),
    uniqueIndex('postings_batch_cadre_uq').on(t.batchId, t.cadreId),
  ],
);

/** 请假: seed 002 allows none without special cause, so every request waits for an admin's decision. */
export const postingLeaves = pgTable(
  'posting_leaves',
  {
    id: text('id').primaryKey(),
    postingId: text('posting_id')
      .notNull()
      .references(() => postings.id),
    reason: text('reason').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    status: text('status').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('posting_leaves_posting_idx').on(t.postingId)],
);

/** 工作报告 of a group (`groupId`) or 个人总结 of a member (`postingId`), drafted from the log, then submitted. */
export const postingReports = pgTable(
  'posting_reports',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    groupId: text('group_id').references(() => postingGroups.id),
    postingId: text('posting_id').references(() => postings.id),
    body: text('body').notNull(),
    status: text('status').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('posting_reports_group_uq').on(t.groupId),
    uniqueIndex('posting_reports_posting_uq').on(t.postingId),
  ],
);

/** A cadre's wishes for a program's batches (soft: the planner honours `prefers`; `avoids` are declared constraints, hard). */
export const postingPreferences = pgTable(
  'posting_preferences',
  {
    programId: text('program_id')
      .notNull()
      .references(() => postingPrograms.id),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => cadres.id),
    prefersBatches: jsonb('prefers_batches').$type<string[]>().notNull().default([]),
    avoidBatches: jsonb('avoid_batches').$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.programId, t.cadreId] })],
);

/** A ledger import run off the request path (issue 12): its progress, outcome and who started it. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    status: text('status').$type<'running' | 'succeeded' | 'rejected' | 'failed'>().notNull(),
    phase: text('phase').notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    counts: jsonb('counts').$type<Record<string, Record<string, number>>>(),
    error: jsonb('error').$type<Record<string, unknown>>(),
    accountId: text('account_id').references(() => accounts.id),
    actor: text('actor').notNull(),
    // the starter's scope: admins over it read the job too
    scopeOrgId: text('scope_org_id').references(() => organizations.id),
    // host:pid of the process running it, so a restart can tell the jobs it left unfinished
    runner: text('runner').notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_account_idx').on(t.accountId, t.createdAt)],
);

/**
 * 候选联系点: a lower committee proposes one of its grassroots organizations as a contact point of
 * an organ above it (seed 003, seed 001 三.2); an admin of that organ approves, which creates the
 * point with its 登记表 details and `registeredOn`, or declines with a note.
 */
export const pointProposals = pgTable(
  'point_proposals',
  {
    id: text('id').primaryKey(),
    proposedByOrgId: text('proposed_by_org_id')
      .notNull()
      .references(() => organizations.id),
    toOrgId: text('to_org_id')
      .notNull()
      .references(() => organizations.id),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    category: text('category'),
    topic: text('topic'),
    showcase: boolean('showcase').notNull().default(false),
    reason: text('reason'),
    /** pending | approved | declined */
    status: text('status').notNull(),
    proposedBy: text('proposed_by').notNull(),
    proposedOn: date('proposed_on').notNull(),
    decidedBy: text('decided_by'),
    decidedOn: date('decided_on'),
    decisionNote: text('decision_note'),
    pointId: text('point_id').references(() => contactPoints.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('point_proposals_to_idx').on(t.toOrgId, t.status),
    index('point_proposals_by_idx').on(t.proposedByOrgId),
  ],
);

/** 书记任职: who held a committee's secretary post and from when to when (`to` null while held). */
export const secretaryTerms = pgTable(
  'secretary_terms',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    holderName: text('holder_name').notNull(),
    cadreId: text('cadre_id').references(() => cadres.id),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('secretary_terms_org_idx').on(t.orgId, t.fromDate)],
);

/** 书记空缺: the spans a tracked secretary post stood empty, `to` null while it still is (the ledger's `secretaryVacancies`). */
export const secretaryVacancies = pgTable(
  'secretary_vacancies',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
  },
  (t) => [primaryKey({ name: 'secretary_vacancies_pk', columns: [t.orgId, t.fromDate] })],
);

/**
 * Reports an organization files upward (the ledger's top-level `filings`): 半年进展报告
 * (`half_year_report`, mz2016) of a county committee to the city, text and one file (encrypted),
 * draft → submitted → returned | accepted. `firstSubmittedOn` is the date the deadline is met by.
 */
export const orgFilings = pgTable(
  'org_filings',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    toOrgId: text('to_org_id').references(() => organizations.id),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    half: integer('half'),
    status: text('status').notNull(),
    body: text('body'),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    fileEnc: bytea('file_enc'),
    firstSubmittedOn: date('first_submitted_on'),
    submittedOn: date('submitted_on'),
    reviewComment: text('review_comment'),
    reviewedBy: text('reviewed_by'),
    reviewedOn: date('reviewed_on'),
    updatedBy: text('updated_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('org_filings_org_idx').on(t.orgId, t.year, t.kind),
    index('org_filings_to_idx').on(t.toOrgId, t.year),
  ],
);

/**
 * 通报的排名开关 of one level (decision 32): ranking lower organizations, and — rarer, the 2024 rules
 * against formalism discourage it — ranking cadres. Off unless the adopting level turns it on.
 */
export const bulletinSettings = pgTable('bulletin_settings', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => organizations.id),
  rankOrgs: boolean('rank_orgs').notNull().default(false),
  rankCadres: boolean('rank_cadres').notNull().default(false),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 对下级团的领导机关的考核 (seed 003 三.2): a level grades its lower organizations under the cadres' quotas. */
export const orgAssessments = pgTable(
  'org_assessments',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('org_assessments_uq').on(t.year, t.orgId)],
);

export const orgAssessmentEntries = pgTable(
  'org_assessment_entries',
  {
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => orgAssessments.id),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    grade: text('grade'),
  },
  (t) => [primaryKey({ name: 'org_assessment_entries_pk', columns: [t.assessmentId, t.orgId] })],
);

/** 专题开放日 announced by a county committee (seed 004 四.4); youths sign up on a public page. */
export const openDays = pgTable(
  'open_days',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    theme: text('theme').notNull(),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull(),
    signupOpen: boolean('signup_open').notNull().default(true),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('open_days_org_idx').on(t.orgId, t.heldOn)],
);

/** One youth signed up: the phone encrypted like a contact's; checked in on the day; consent to be kept in touch. */
export const openDaySignups = pgTable(
  'open_day_signups',
  {
    id: text('id').primaryKey(),
    openDayId: text('open_day_id')
      .notNull()
      .references(() => openDays.id),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    phoneEnc: bytea('phone_enc').notNull(),
    phoneHash: text('phone_hash').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    consentContact: boolean('consent_contact').notNull().default(false),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: text('checked_in_by'),
    contactId: text('contact_id').references(() => contacts.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('open_day_signups_phone_uq').on(t.openDayId, t.phoneHash)],
);

/** 典型案例 published on the showcase: the words an admin approved, never the youths named in the case. */
export const publishedCases = pgTable('published_cases', {
  activityId: text('activity_id')
    .primaryKey()
    .references(() => activities.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  body: text('body').notNull(),
  orgId: text('org_id')
    .notNull()
    .references(() => organizations.id),
  publishedBy: text('published_by').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Public pages' rate limits (decision 31): hits per bucket (an address's or a card's, per action)
 * and fixed window, in the database so every app server counts the same hits.
 */
export const publicRateLimits = pgTable(
  'public_rate_limits',
  {
    bucket: text('bucket').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.bucket, t.windowStart] }),
    index('public_rate_limits_window_idx').on(t.windowStart),
  ],
);

/** What a public card shows, as its owner chose (亮明身份); a field left false is never sent. */
export interface CardShows {
  name: boolean;
  post: boolean;
  org: boolean;
  points: boolean;
  workPhone: boolean;
  wechat: boolean;
  hours: boolean;
}

/**
 * 联系名片: a cadre's (or a contact point's) public card at /c/<token>. Off by default; off, it
 * answers 404. Holds only what the cadre publishes, never a youth's data.
 */
export const publicCards = pgTable(
  'public_cards',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull(),
    cadreId: text('cadre_id').references(() => cadres.id),
    pointId: text('point_id').references(() => contactPoints.id),
    enabled: boolean('enabled').notNull().default(false),
    shows: jsonb('shows').$type<Partial<CardShows>>().notNull().default({}),
    post: text('post'),
    workPhone: text('work_phone'),
    wechat: text('wechat'),
    hours: text('hours'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('public_cards_token_uq').on(t.token),
    uniqueIndex('public_cards_cadre_uq').on(t.cadreId),
    uniqueIndex('public_cards_point_uq').on(t.pointId),
  ],
);

/**
 * A youth's message or problem left on a card: the words are the problem's note in the work log
 * (activity); here its origin, the reading code (a keyed hash), the phone if offered, and the reply.
 */
export const cardMessages = pgTable(
  'card_messages',
  {
    id: text('id').primaryKey(),
    cardId: text('card_id')
      .notNull()
      .references(() => publicCards.id),
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    /** message (留言) | problem (反映问题) */
    kind: text('kind').notNull(),
    codeHash: text('code_hash').notNull(),
    /** how the youth asked to be called, if they said */
    caller: text('caller'),
    phoneEnc: bytea('phone_enc'),
    phoneMasked: text('phone_masked'),
    reply: text('reply'),
    repliedBy: text('replied_by'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('card_messages_code_uq').on(t.codeHash),
    uniqueIndex('card_messages_activity_uq').on(t.activityId),
  ],
);

/** 满意度: a youth's rating (1–5 and a line) of a cadre after a contact, through the card. */
export const cardRatings = pgTable(
  'card_ratings',
  {
    id: text('id').primaryKey(),
    cardId: text('card_id')
      .notNull()
      .references(() => publicCards.id),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => cadres.id),
    messageId: text('message_id').references(() => cardMessages.id, { onDelete: 'set null' }),
    score: integer('score').notNull(),
    comment: text('comment'),
    ratedOn: date('rated_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('card_ratings_cadre_idx').on(t.cadreId, t.ratedOn),
    uniqueIndex('card_ratings_message_uq').on(t.messageId),
  ],
);

/**
 * 表彰与处理 (seed 002 四.4: 表彰奖励 / 严肃处理; seed 003 三.3, seed 004 三.3 评先表彰): a decision
 * about a cadre as recorded by an admin over them. Rows are kept as decided; the issuer is a name
 * because commendations come from bodies outside the tree (党委, 团中央) as often as from within.
 */
export const conductRecords = pgTable(
  'conduct_records',
  {
    id: text('id').primaryKey(),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => cadres.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    decidedOn: date('decided_on').notNull(),
    issuedBy: text('issued_by').notNull(),
    documentNo: text('document_no'),
    reason: text('reason'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('conduct_records_cadre_idx').on(t.cadreId, t.decidedOn)],
);

export const schema = {
  organizations,
  cadres,
  accounts,
  loginFailures,
  sessions,
  auditLog,
  orgPresets,
  exemptions,
  contactPoints,
  factBookEntries,
  contacts,
  contactKeepers,
  activities,
  activityContacts,
  attachments,
  attachmentBlobs,
  keyRotations,
  cycleFilings,
  reportRecommendations,
  assessments,
  assessmentEntries,
  spotChecks,
  postingPrograms,
  postingBatches,
  postingPlans,
  postingGroups,
  postings,
  postingLeaves,
  postingReports,
  postingPreferences,
  importJobs,
  pointProposals,
  secretaryTerms,
  secretaryVacancies,
  orgFilings,
  bulletinSettings,
  orgAssessments,
  orgAssessmentEntries,
  openDays,
  openDaySignups,
  publishedCases,
  publicRateLimits,
  publicCards,
  cardMessages,
  cardRatings,
  conductRecords,
};
