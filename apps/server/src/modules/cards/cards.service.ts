import crypto from 'node:crypto';
import type {
  TCard,
  TCardMessage,
  TCardMessageFollow,
  TCardMessageRequest,
  TCardRatingRequest,
  TCardSettings,
  TCardShows,
  TLedgerActivity,
  TPublicCard,
} from '@lianxin/contracts';
import { maskMobile } from '@lianxin/domain';
import { eq } from 'drizzle-orm';
import { type Actor, authorize, can } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import { cardMessages, cardRatings, publicCards } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { holding } from '../../platform/public.ts';
import { insertActivity, toActivityRow } from '../activities/activities.repo.ts';
import { findCadre } from '../cadres/cadres.repo.ts';
import { findPoint } from '../contact-points/contact-points.repo.ts';
import { type CardOwner, type CardRow, findCard, findMessage, heldPointNames } from './cards.repo.ts';

// ---------------------------------------------------------------- the owner's side

/** A new card shows who the cadre is and where; phone and WeChat only once the cadre chooses. */
const defaultShows: TCardShows = {
  name: true,
  post: true,
  org: true,
  points: true,
  workPhone: false,
  wechat: false,
  hours: true,
};

/** 72 random bits as 12 URL-safe characters: short to type from a poster, not to be guessed. */
const newToken = () => crypto.randomBytes(9).toString('base64url');

/** A card has exactly one owner (a check constraint): its cadre or its point. */
const ownerOf = (card: CardRow): CardOwner =>
  card.cadreId ? { cadre: card.cadreId } : { point: card.pointId ?? '' };

export const cardUrl = (p: Platform, card: CardRow) => `${p.config.publicUrl}/c/${card.token}`;

function toCard(p: Platform, card: CardRow): TCard {
  return {
    id: card.id,
    cadreId: card.cadreId,
    pointId: card.pointId,
    enabled: card.enabled,
    shows: { ...defaultShows, ...card.shows },
    post: card.post,
    workPhone: card.workPhone,
    wechat: card.wechat,
    hours: card.hours,
    url: cardUrl(p, card),
  };
}

/**
 * The cadre whose card it is: the cadre, or the cadre holding the point (an organ's point has no
 * one to answer its youths, so it has no card). 404 for an unknown owner.
 */
async function owningCadre(p: Platform, owner: CardOwner): Promise<string> {
  if ('cadre' in owner) {
    if (!(await findCadre(p.db, owner.cadre))) throw notFound('Cadre', owner.cadre, '团干部');
    return owner.cadre;
  }
  const point = await findPoint(p.db, owner.point);
  if (!point) throw notFound('Contact point', owner.point, '联系点');
  if (!point.point.cadreId)
    throw badRequest('A point held by an organ has no card', '由机关联系的联系点不能发布名片', [
      { path: 'point', message: '联系点没有联系的团干部 / no cadre holds the point' },
    ]);
  return point.point.cadreId;
}

/** The owner's card, or null before it is first saved; read as the card (or, before, as the cadre). */
export async function getCard(p: Platform, actor: Actor, owner: CardOwner): Promise<TCard | null> {
  const cadreId = await owningCadre(p, owner);
  const card = await findCard(p.db, owner);
  if (card) await authorize(p, actor, { type: 'card', id: card.id }, 'read');
  else await authorize(p, actor, { type: 'cadre', id: cadreId }, 'read');
  return card ? toCard(p, card) : null;
}

/**
 * Saves the card's settings, making the card on first save (off unless switched on). The cadre
 * (or an admin over them) decides what shows; every change is audited.
 */
export async function saveCard(
  p: Platform,
  actor: Actor,
  owner: CardOwner,
  settings: Partial<TCardSettings>,
): Promise<TCard> {
  const cadreId = await owningCadre(p, owner);
  const existing = await findCard(p.db, owner);
  // before the card exists, whoever records the cadre's work (the cadre, an admin over them) makes it
  if (existing) await authorize(p, actor, { type: 'card', id: existing.id }, 'write');
  else await authorize(p, actor, { type: 'cadre', id: cadreId }, 'log');
  const before = existing ? toCard(p, existing) : null;
  const saved = await inTransaction(p, async (tx) => {
    const now = p.clock.now();
    const [row] = existing
      ? await tx
          .update(publicCards)
          .set({ ...settings, updatedAt: now })
          .where(eq(publicCards.id, existing.id))
          .returning()
      : await tx
          .insert(publicCards)
          .values({
            id: crypto.randomUUID(),
            token: newToken(),
            ...('cadre' in owner ? { cadreId: owner.cadre } : { pointId: owner.point }),
            shows: defaultShows,
            ...settings,
          })
          .returning();
    const card = row as CardRow;
    const { url: _u, ...after } = toCard(p, card);
    await p.audit.append(tx, {
      actor: actor.name,
      action: existing ? 'card.update' : 'card.create',
      objectType: 'card',
      objectId: card.id,
      before: before ? { ...before, url: undefined } : null,
      after,
      ip: actor.ip,
    });
    return card;
  });
  return toCard(p, saved);
}

/** The card as it is, made (off) when missing: for the command line's `card --cadre ID`. */
export async function ensureCard(p: Platform, actor: Actor, owner: CardOwner, enabled?: boolean) {
  const existing = await findCard(p.db, owner);
  if (existing && enabled === undefined) return getCard(p, actor, owner) as Promise<TCard>;
  return saveCard(p, actor, owner, enabled === undefined ? {} : { enabled });
}

// ---------------------------------------------------------------- the visitor's side

const gone = () => new AppError('not_found', 'No such card', '名片不存在或已关闭');

/**
 * The card the URL's token names, held by the visitor, if the access layer lets them `action` it:
 * an unknown token and a card switched off answer the same 404 (decision 31: off is gone).
 */
async function visitedCard(p: Platform, visitor: Actor, token: string, action: 'view' | 'message') {
  const card = await findCard(p.db, { token });
  if (!card) throw gone();
  const actor = holding(visitor, card.id);
  if (!(await can(p, actor, { type: 'card', id: card.id }, action))) throw gone();
  return { card, actor };
}

/** Whether a page for this token may be served (the card is on). */
export async function cardIsShown(p: Platform, visitor: Actor, token: string) {
  return visitedCard(p, visitor, token, 'view').then(
    () => true,
    () => false,
  );
}

/** What a visitor sees: only the fields the cadre switched on, never a youth's data. */
export async function publicCard(p: Platform, visitor: Actor, token: string): Promise<TPublicCard> {
  return shownFields(p, (await visitedCard(p, visitor, token, 'view')).card);
}

/** The printable poster (PNG or PDF) of a card, for whoever reads it: what the card shows and its QR code. */
export async function cardPoster(p: Platform, actor: Actor, id: string, format: 'png' | 'pdf') {
  const card = await findCard(p.db, { id });
  if (!card) throw notFound('Card', id, '联系名片');
  await authorize(p, actor, { type: 'card', id }, 'read');
  const { posterPdf, posterPng } = await import('./cards.poster.ts');
  return (format === 'png' ? posterPng : posterPdf)(await shownFields(p, card), cardUrl(p, card));
}

async function shownFields(p: Platform, card: CardRow): Promise<TPublicCard> {
  const cadreId = await owningCadre(p, ownerOf(card));
  const cadre = await findCadre(p.db, cadreId);
  const shows = { ...defaultShows, ...card.shows };
  const points = card.pointId
    ? [(await findPoint(p.db, card.pointId))?.orgName].filter((n): n is string => Boolean(n))
    : await heldPointNames(p.db, cadreId, chinaToday(p.clock));
  const out: TPublicCard = { kind: card.pointId ? 'point' : 'cadre' };
  if (shows.name && cadre) out.name = cadre.cadre.name;
  if (shows.post && card.post) out.post = card.post;
  if (shows.org && cadre) out.org = cadre.orgName;
  if (shows.points && points.length > 0) out.points = points;
  if (shows.workPhone && card.workPhone) out.workPhone = card.workPhone;
  if (shows.wechat && card.wechat) out.wechat = card.wechat;
  if (shows.hours && card.hours) out.hours = card.hours;
  return out;
}

// letters and digits a youth cannot confuse when copying (no 0/O, 1/I)
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const newCode = () =>
  Array.from(crypto.randomBytes(8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
const codeHash = (p: Platform, code: string) => p.cipher.blindIndex(`card-code:${code}`);

const kindZh = { message: '留言', problem: '反映问题' } as const;

/**
 * A youth's message or problem left on the card: a problem (问题清单) of the owning cadre, with
 * origin `card` (and the point, for a point's card held today), and a code to read the reply. The
 * words go to the audit log as a length only (decision 16); a phone, if offered, is encrypted.
 */
export async function leaveMessage(
  p: Platform,
  visitor: Actor,
  token: string,
  body: TCardMessageRequest,
  countWrite: (cardId: string) => Promise<void>,
) {
  const { card, actor } = await visitedCard(p, visitor, token, 'message');
  await countWrite(card.id);
  const today = chinaToday(p.clock);
  const owner = ownerOf(card);
  const cadreId = await owningCadre(p, owner);
  const point = card.pointId ? await findPoint(p.db, card.pointId) : null;
  const pointHeld =
    point && point.point.fromDate <= today && (!point.point.toDate || point.point.toDate >= today);
  const text = body.text;
  const record: TLedgerActivity = {
    id: crypto.randomUUID(),
    type: 'problem',
    cadre: cadreId,
    date: today,
    status: 'open',
    title: `${kindZh[body.kind]}：${[...text].slice(0, 30).join('')}`,
    note: text,
    origin: 'card',
    ...(pointHeld ? { point: point.point.id } : {}),
  };
  const code = newCode();
  const messageId = crypto.randomUUID();
  await inTransaction(p, async (tx) => {
    await insertActivity(tx, toActivityRow(record), []);
    await tx.insert(cardMessages).values({
      id: messageId,
      cardId: card.id,
      activityId: record.id,
      kind: body.kind,
      codeHash: codeHash(p, code),
      caller: body.caller || null,
      phoneEnc: body.phone ? p.cipher.encrypt(body.phone) : null,
      phoneMasked: body.phone ? maskMobile(body.phone) : null,
    });
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'card_message.create',
      objectType: 'card_message',
      objectId: messageId,
      after: {
        card: card.id,
        activity: record.id,
        kind: body.kind,
        textLength: text.length,
        phone: Boolean(body.phone),
      },
      ip: actor.ip,
    });
  });
  return { code };
}

const noSuchCode = () => new AppError('not_found', 'No message with this code', '查询码不存在，请核对');

/** The message a code names, if it was left on this card (a code from another card opens nothing). */
async function followed(p: Platform, visitor: Actor, token: string, code: string) {
  const { actor } = await visitedCard(p, visitor, token, 'view');
  const found = await findMessage(p.db, { codeHash: codeHash(p, code) });
  if (!found || !(await can(p, actor, { type: 'card_message', id: found.message.id }, 'follow')))
    throw noSuchCode();
  return { ...found, actor };
}

/** What the youth reads by their code: their words, where the problem stands, the cadre's reply. */
export async function followMessage(
  p: Platform,
  visitor: Actor,
  token: string,
  code: string,
): Promise<TCardMessageFollow> {
  const { message, activity, ratingId } = await followed(p, visitor, token, code);
  return {
    kind: message.kind as TCardMessageFollow['kind'],
    text: activity.note ?? '',
    status: (activity.details.status as TCardMessageFollow['status']) ?? 'open',
    createdOn: activity.startDate ?? '',
    reply: message.reply,
    repliedOn: message.repliedAt ? chinaDay(message.repliedAt) : null,
    rated: ratingId !== null,
  };
}

const chinaDay = (t: Date) => chinaToday({ now: () => t });

/**
 * 满意度: a youth rates a contact with the cadre, 1–5 and a line. With a code, the rating is of
 * that message's contact, once; without, of a contact the card's owner had with them.
 */
export async function rateCard(
  p: Platform,
  visitor: Actor,
  token: string,
  body: TCardRatingRequest,
  countWrite: (cardId: string) => Promise<void>,
) {
  const { card, actor } = await visitedCard(p, visitor, token, 'message');
  const message = body.code ? await followed(p, visitor, token, body.code) : null;
  if (message?.ratingId)
    throw new AppError('conflict', 'Already rated', '这次联系已经评价过了', [
      { path: 'code', message: '已评价 / already rated' },
    ]);
  await countWrite(card.id);
  const cadreId = message?.activity.cadreId ?? (await owningCadre(p, ownerOf(card)));
  const id = crypto.randomUUID();
  await inTransaction(p, async (tx) => {
    await tx.insert(cardRatings).values({
      id,
      cardId: card.id,
      cadreId,
      messageId: message?.message.id ?? null,
      score: body.score,
      comment: body.comment || null,
      ratedOn: chinaToday(p.clock),
    });
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'card_rating.create',
      objectType: 'card',
      objectId: card.id,
      after: { rating: id, score: body.score, commentLength: body.comment?.length ?? 0 },
      ip: actor.ip,
    });
  });
  return { ok: true as const };
}

// ---------------------------------------------------------------- the cadre answers

function toCardMessage(m: typeof cardMessages.$inferSelect): TCardMessage {
  return {
    id: m.id,
    activityId: m.activityId,
    kind: m.kind as TCardMessage['kind'],
    caller: m.caller,
    phoneMasked: m.phoneMasked,
    reply: m.reply,
    repliedAt: m.repliedAt?.toISOString() ?? null,
  };
}

async function loadMessage(
  p: Platform,
  actor: Actor,
  by: { id: string } | { activityId: string },
  action: 'read' | 'reply',
) {
  const found = await findMessage(p.db, by);
  if (!found) throw notFound('Card message', 'id' in by ? by.id : by.activityId, '名片留言');
  await authorize(p, actor, { type: 'card_message', id: found.message.id }, action);
  return found;
}

/** The card message behind a problem (its origin `card`), phone masked. */
export async function messageOfProblem(p: Platform, actor: Actor, activityId: string) {
  return toCardMessage((await loadMessage(p, actor, { activityId }, 'read')).message);
}

/** The cadre's reply, which the youth reads with their code; replying again replaces it. */
export async function replyToMessage(p: Platform, actor: Actor, id: string, reply: string) {
  const found = await loadMessage(p, actor, { id }, 'reply');
  const [row] = await inTransaction(p, async (tx) => {
    const updated = await tx
      .update(cardMessages)
      .set({ reply, repliedBy: actor.name, repliedAt: p.clock.now() })
      .where(eq(cardMessages.id, id))
      .returning();
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'card_message.reply',
      objectType: 'card_message',
      objectId: id,
      after: { replyLength: reply.length, replaced: found.message.reply !== null },
      ip: actor.ip,
    });
    return updated;
  });
  if (!row) throw notFound('Card message', id, '名片留言');
  return toCardMessage(row);
}

/** The phone a youth offered, in clear, to whoever may reply (audited as a reveal). */
export async function revealMessagePhone(p: Platform, actor: Actor, id: string) {
  const { message } = await loadMessage(p, actor, { id }, 'reply');
  const phone = message.phoneEnc ? p.cipher.decrypt(message.phoneEnc) : null;
  await p.audit.record(p.db, {
    actor: actor.name,
    action: 'card_message.reveal',
    objectType: 'card_message',
    objectId: id,
    after: { phoneMasked: message.phoneMasked },
    ip: actor.ip,
  });
  return { phone };
}
