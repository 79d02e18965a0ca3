import { type Action, type Actor, authorize } from '../../platform/access/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { findPosting } from './postings.repo.ts';

/** The posting, or 404; then the access layer's answer for `action`, or 403 (audited). */
export async function loadPosting(p: Platform, actor: Actor, id: string, action: Action<'posting'>) {
  const v = await findPosting(p.db, id);
  if (!v) throw notFound('Posting', id, '派驻');
  await authorize(p, actor, { type: 'posting', id }, action);
  return v;
}
