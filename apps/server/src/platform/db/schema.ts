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
    createdAt: createdAt(),
  },
  (t) => [
    index('organizations_parent_idx').on(t.parentId),
    index('organizations_path_idx').on(t.path.op('text_pattern_ops')),
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
    createdAt: createdAt(),
  },
  (t) => [
    index('contact_points_cadre_idx').on(t.cadreId),
    index('contact_points_org_idx').on(t.orgId),
    // every point answer looks up its successor (轮换) by predecessor_id
    index('contact_points_predecessor_idx').on(t.predecessorId),
  ],
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
  contacts,
  contactKeepers,
  activities,
  activityContacts,
  attachments,
  attachmentBlobs,
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
};
