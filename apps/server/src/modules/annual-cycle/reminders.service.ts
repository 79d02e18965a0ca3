import { type DueItem, dueItems, type Milestone } from '@lianxin/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import { assessments, reportRecommendations } from '../../platform/db/schema.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { halfYearReports } from '../org-reports/org-reports.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import {
  findFiling,
  postingCountedAsResearch,
  researchReportOf,
  rosterWithFilings,
} from './annual-cycle.repo.ts';
import { cycleAt, today } from './cycle.ts';
import { ofCadre, ofCadresUnder, rotationsDue } from './rotation.ts';

type Reminder = {
  kind: Milestone['kind'];
  rule: string;
  due: string;
  daysLeft: number;
  state: DueItem['state'];
  title: string;
  titleEn: string;
  cadres?: { id: string; name: string }[];
};

const toReminder = (d: DueItem, cadres?: { id: string; name: string }[]): Reminder => ({
  kind: d.milestone.kind,
  rule: d.milestone.rule,
  due: d.milestone.due,
  daysLeft: d.daysLeft,
  state: d.state,
  title: d.milestone.title.zh,
  titleEn: d.milestone.title.en,
  ...(cadres ? { cadres } : {}),
});

/** The cadre's own milestones not yet met: a filing submitted, a report logged. */
async function cadreReminders(
  p: Platform,
  actor: Actor,
  cadreId: string,
  year: number,
  asOf: string,
  days: number,
) {
  const cadre = await loadCadre(p, actor, cadreId, 'read');
  const [{ milestones }, taskList, selfCheck, summary, report, posting] = await Promise.all([
    cycleAt(p.db, cadre.orgPath, year),
    findFiling(p.db, cadreId, year, 'task_list'),
    findFiling(p.db, cadreId, year, 'midyear_report'),
    findFiling(p.db, cadreId, year, 'year_summary'),
    researchReportOf(p.db, cadreId, year),
    postingCountedAsResearch(p.db, cadreId, year),
  ]);
  const done: Partial<Record<Milestone['kind'], boolean>> = {
    task_list: Boolean(taskList?.firstSubmittedOn),
    midyear_report: Boolean(selfCheck?.firstSubmittedOn),
    year_summary: Boolean(summary?.firstSubmittedOn),
    research_report: report !== null || posting !== null,
  };
  const own = milestones.filter((m) => m.who === 'cadre');
  return [
    ...dueItems(own, (m) => done[m.kind] === true, asOf, days).map((d) => toReminder(d)),
    ...(await rotationReminders(p, ofCadre(cadreId), asOf, days, false)),
  ];
}

/** Points of postings due for their 2-year rotation, the holder named for an admin. */
async function rotationReminders(
  p: Platform,
  whose: Parameters<typeof rotationsDue>[1],
  asOf: string,
  days: number,
  nameHolder: boolean,
) {
  const due = await rotationsDue(p.db, whose, asOf, days);
  return due.flatMap(({ milestone, cadre }) =>
    dueItems([milestone], () => false, asOf, days).map((d) =>
      toReminder(d, nameHolder ? [cadre] : undefined),
    ),
  );
}

/**
 * An admin's organization: its own milestones, and for each cadre milestone the cadres of the
 * subtree who have not filed. Milestones the product does not record (compiling 附表2, reporting
 * to the city) are reminded of until their day, not reported missing after it.
 */
async function orgReminders(
  p: Platform,
  actor: Actor,
  orgId: string,
  year: number,
  asOf: string,
  days: number,
) {
  const org = await loadOrg(p, actor, orgId, 'read');
  const { milestones } = await cycleAt(p.db, org.path, year);
  const [assessed] = await p.db
    .select({ n: sql<number>`count(*)::int` })
    .from(assessments)
    .where(and(eq(assessments.orgId, org.id), eq(assessments.year, year)));
  const [recommended] = await p.db
    .select({ n: sql<number>`count(*)::int` })
    .from(reportRecommendations)
    .where(and(eq(reportRecommendations.orgId, org.id), eq(reportRecommendations.year, year)));
  const tracked: Partial<Record<Milestone['kind'], boolean>> = {
    assessment: Number(assessed?.n ?? 0) > 0,
    report_recommendation: Number(recommended?.n ?? 0) > 0,
  };
  // a county's half-year reports are recorded: each half is done once its report is submitted
  const halves = milestones.filter((m) => m.kind === 'half_year_report').map((m) => m.due);
  const filedHalves = new Set(
    org.level === 'county'
      ? (await halfYearReports(p.db, org.path, year)).filter((r) => r.firstSubmittedOn).map((r) => r.half)
      : [],
  );
  const done = (m: Milestone) =>
    m.kind === 'half_year_report' && org.level === 'county'
      ? filedHalves.has(halves.indexOf(m.due) + 1)
      : (tracked[m.kind] ?? m.due < asOf);
  const orgItems = dueItems(
    milestones.filter((m) => m.who === 'org'),
    done,
    asOf,
    days,
  ).map((d) => toReminder(d));
  const cadreItems: Reminder[] = [];
  for (const d of dueItems(
    milestones.filter((m) => m.who === 'cadre'),
    () => false,
    asOf,
    days,
  )) {
    const kind = d.milestone.kind;
    if (kind !== 'task_list' && kind !== 'midyear_report' && kind !== 'year_summary') continue;
    const roster = await rosterWithFilings(p.db, org.path, year, kind);
    const waiting = roster
      .filter((r) => !r.filing?.firstSubmittedOn)
      .map((r) => ({ id: r.id, name: r.name }));
    if (waiting.length > 0) cadreItems.push(toReminder(d, waiting));
  }
  return [
    ...orgItems,
    ...cadreItems,
    ...(await rotationReminders(p, ofCadresUnder(org.path), asOf, days, true)),
  ];
}

export async function reminders(p: Platform, actor: Actor, year: number, q: { asOf?: string; days: number }) {
  const asOf = q.asOf ?? today(p);
  const items: Reminder[] = [];
  if (actor.cadreId) items.push(...(await cadreReminders(p, actor, actor.cadreId, year, asOf, q.days)));
  if ((actor.role === 'org_admin' || actor.role === 'leader') && actor.scopeOrgId)
    items.push(...(await orgReminders(p, actor, actor.scopeOrgId, year, asOf, q.days)));
  items.sort((a, b) => a.due.localeCompare(b.due));
  return { asOf, items };
}
