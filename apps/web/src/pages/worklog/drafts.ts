/**
 * Offline drafts of the quick entry. An entry whose save fails for want of a network is kept in
 * localStorage (per account) and sent later, on the `online` event, on page load and every 30 s
 * while drafts wait. Each draft carries the activity id made on the phone (crypto.randomUUID()), so
 * a retry is idempotent: the server answers 409 for an id it already holds, and the draft is dropped.
 */
import type { TCreateActivityRequest } from '@lianxin/contracts';
import { useEffect, useSyncExternalStore } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { describeError, toastSuccess } from '../../feedback.ts';

export interface TDraft {
  /** the activity id, generated on the phone */
  id: string;
  body: TCreateActivityRequest & { id: string };
  savedAt: string;
  /** why the server refused it (a validation error): kept for the cadre to see and delete */
  error?: string;
}

const keyOf = (accountId: string) => `lianxin.drafts.${accountId}`;

/** A network failure: fetch threw (offline, server gone). */
export function isOffline(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'unavailable';
}

export function newActivityId(): string {
  return crypto.randomUUID();
}

const listeners = new Set<() => void>();
const cache = new Map<string, TDraft[]>();

function read(accountId: string): TDraft[] {
  const cached = cache.get(accountId);
  if (cached) return cached;
  let drafts: TDraft[] = [];
  try {
    const raw = localStorage.getItem(keyOf(accountId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    drafts = Array.isArray(parsed) ? (parsed as TDraft[]) : [];
  } catch {
    drafts = [];
  }
  cache.set(accountId, drafts);
  return drafts;
}

function write(accountId: string, drafts: TDraft[]): void {
  cache.set(accountId, drafts);
  if (drafts.length === 0) localStorage.removeItem(keyOf(accountId));
  else localStorage.setItem(keyOf(accountId), JSON.stringify(drafts));
  for (const l of listeners) l();
}

export function listDrafts(accountId: string): TDraft[] {
  return read(accountId);
}

export function saveDraft(accountId: string, body: TCreateActivityRequest & { id: string }): void {
  const rest = read(accountId).filter((d) => d.id !== body.id);
  write(accountId, [...rest, { id: body.id, body, savedAt: new Date().toISOString() }]);
}

export function removeDraft(accountId: string, id: string): void {
  write(
    accountId,
    read(accountId).filter((d) => d.id !== id),
  );
}

const running = new Map<string, Promise<number>>();

/**
 * Send every waiting draft once; stops at the first network failure. One run at a time per account,
 * so the `online` event and a page load never post the same draft twice at once. Answers how many
 * were sent.
 */
export function syncDrafts(accountId: string): Promise<number> {
  const current = running.get(accountId);
  if (current) return current;
  const run = (async () => {
    let sent = 0;
    for (const draft of read(accountId)) {
      if (draft.error) continue;
      try {
        await api.activities.create(draft.body);
        sent += 1;
        removeDraft(accountId, draft.id);
      } catch (error) {
        if (isOffline(error)) break;
        if (error instanceof ApiError && error.status === 409) {
          // already there: an earlier try reached the server but its answer was lost
          sent += 1;
          removeDraft(accountId, draft.id);
        } else if (error instanceof ApiError && (error.status === 400 || error.status === 403)) {
          write(
            accountId,
            read(accountId).map((d) => (d.id === draft.id ? { ...d, error: describeError(error) } : d)),
          );
        } else {
          break; // a server error: try again later
        }
      }
    }
    if (sent > 0) toastSuccess(`${sent} 条草稿已同步`);
    return sent;
  })().finally(() => running.delete(accountId));
  running.set(accountId, run);
  return run;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key?.startsWith('lianxin.drafts.')) {
      cache.clear();
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The drafts waiting for this account, live. */
export function useDrafts(accountId: string): TDraft[] {
  return useSyncExternalStore(subscribe, () => read(accountId));
}

/** Send drafts now, when the network comes back, and every 30 s while some wait. */
export function useDraftSync(accountId: string | null): void {
  useEffect(() => {
    if (!accountId) return;
    const sync = () => {
      if (read(accountId).some((d) => !d.error)) void syncDrafts(accountId);
    };
    sync();
    window.addEventListener('online', sync);
    const timer = setInterval(sync, 30_000);
    return () => {
      window.removeEventListener('online', sync);
      clearInterval(timer);
    };
  }, [accountId]);
}
