import type { TCardFeedback } from '@lianxin/contracts';
import { type Actor, authorize } from '../../platform/access/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { findCadre } from '../cadres/cadres.repo.ts';
import { feedbackCounts, recentComments } from './cards.repo.ts';

/** How many of the latest written lines the cadre's page shows. */
const RECENT = 5;

/**
 * 满意度 of a cadre from the youths' ratings on their cards, and how many card messages came in
 * and were answered: for the cadre and whoever reads the cadre (the ratings carry no youth's data).
 */
export async function cardFeedback(p: Platform, actor: Actor, cadreId: string): Promise<TCardFeedback> {
  if (!(await findCadre(p.db, cadreId))) throw notFound('Cadre', cadreId, '团干部');
  await authorize(p, actor, { type: 'cadre', id: cadreId }, 'read');
  const { scores, messages } = await feedbackCounts(p.db, cadreId);
  const perScore = [1, 2, 3, 4, 5].map((s) => scores.find((r) => r.score === s)?.n ?? 0);
  const ratings = perScore.reduce((a, b) => a + b, 0);
  const sum = perScore.reduce((a, n, i) => a + n * (i + 1), 0);
  const recent = await recentComments(p.db, cadreId, RECENT);
  return {
    cadreId,
    ratings,
    average: ratings > 0 ? Math.round((sum / ratings) * 10) / 10 : null,
    scores: perScore,
    messages: messages.total,
    replied: messages.replied,
    recent: recent.map((r) => ({ id: r.id, score: r.score, comment: r.comment ?? '', ratedOn: r.ratedOn })),
  };
}
