// The phone's offline queue: check-ins and check-outs recorded while the network was down,
// kept in localStorage with the phone's own id and clock and uploaded to
// POST /check-ins/sync when it is back. Pure (storage comes in), tested.
import type { Position, SyncItem, SyncOutcome } from './types';

/** A queued record; `place_name` is only for showing it, never sent. */
export interface QueuedItem {
  client_id: string;
  kind: 'check_in' | 'check_out';
  device_time: string;
  activity_id?: string | null;
  centre_id?: string | null;
  check_in_client_id?: string | null;
  location?: Position | null;
  qr_token?: string | null;
  place_name?: string | null;
  /** Uploads refused with `check_in_unknown` so far. */
  tries?: number;
}

/** How often a check-out waiting for its check-in is tried before it is given up. */
export const MAX_TRIES = 5;
/** The server takes at most this many records per upload. */
export const BATCH = 500;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The storage key of one user's queue (a shared phone keeps each user's apart). */
export function queueKey(userId: string): string {
  return `linli.volunteering.queue.${userId}`;
}

function isItem(x: unknown): x is QueuedItem {
  if (!x || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  return (
    typeof o.client_id === 'string' &&
    (o.kind === 'check_in' || o.kind === 'check_out') &&
    typeof o.device_time === 'string'
  );
}

/** The queue as stored; anything unreadable counts as empty. */
export function loadQueue(storage: StorageLike | null | undefined, key: string): QueuedItem[] {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isItem) : [];
  } catch {
    return [];
  }
}

export function saveQueue(storage: StorageLike | null | undefined, key: string, items: readonly QueuedItem[]): void {
  try {
    if (items.length === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(items));
  } catch {
    // storage full or unavailable: the queue lives on in memory for this visit
  }
}

/** The check-in waiting in the queue that no queued check-out has closed yet. */
export function pendingCheckIn(queue: readonly QueuedItem[]): QueuedItem | null {
  let open: QueuedItem | null = null;
  for (const item of queue) {
    if (item.kind === 'check_in') open = item;
    else if (item.kind === 'check_out') open = null;
  }
  return open;
}

/**
 * A check-out recorded offline: it names the queued check-in it closes, if there is one;
 * otherwise it closes the check-in the server already has.
 */
export function queuedCheckOut(queue: readonly QueuedItem[], clientId: string, at: Date, location?: Position | null): QueuedItem {
  const open = pendingCheckIn(queue);
  return {
    client_id: clientId,
    kind: 'check_out',
    device_time: at.toISOString(),
    check_in_client_id: open?.client_id ?? null,
    location: location ?? null,
    place_name: open?.place_name ?? null,
  };
}

/** What is sent: the records without the fields kept only on the phone. */
export function toUpload(queue: readonly QueuedItem[]): SyncItem[] {
  return queue.slice(0, BATCH).map((q) => {
    const item: SyncItem = { client_id: q.client_id, kind: q.kind, device_time: q.device_time };
    if (q.activity_id) item.activity_id = q.activity_id;
    if (q.centre_id) item.centre_id = q.centre_id;
    if (q.check_in_client_id) item.check_in_client_id = q.check_in_client_id;
    if (q.location) item.location = q.location;
    if (q.qr_token) item.qr_token = q.qr_token;
    return item;
  });
}

export interface Rejection {
  item: QueuedItem;
  code: string | null;
  detail: string | null;
}

export interface SyncApplied {
  /** The queue left to upload later. */
  queue: QueuedItem[];
  /** Records the server took (or had already): gone from the queue. */
  done: number;
  /** Records refused for good: dropped, with the reason to show. */
  rejected: Rejection[];
}

/**
 * Applies the server's outcomes to the queue: `accepted` and `duplicate` leave it;
 * `rejected` ones are dropped with their reason, except `check_in_unknown` (its check-in
 * may still come), kept for another try up to MAX_TRIES. A check-out of a dropped
 * check-in is dropped with it. Records the server did not answer for stay.
 */
export function applyOutcomes(queue: readonly QueuedItem[], outcomes: readonly SyncOutcome[]): SyncApplied {
  const byId = new Map(outcomes.map((o) => [o.client_id, o]));
  const kept: QueuedItem[] = [];
  const rejected: Rejection[] = [];
  const dropped = new Set<string>();
  let done = 0;
  for (const item of queue) {
    const o = byId.get(item.client_id);
    if (!o) {
      kept.push(item);
      continue;
    }
    if (o.result === 'accepted' || o.result === 'duplicate') {
      done += 1;
      continue;
    }
    if (o.code === 'check_in_unknown') {
      const tries = (item.tries ?? 0) + 1;
      const waitsForQueued = !!item.check_in_client_id && queue.some((q) => q.client_id === item.check_in_client_id);
      if (tries < MAX_TRIES || waitsForQueued) {
        kept.push({ ...item, tries });
        continue;
      }
    }
    dropped.add(item.client_id);
    rejected.push({ item, code: o.code ?? null, detail: o.detail ?? null });
  }
  // A check-out whose check-in was refused can never be applied.
  const left: QueuedItem[] = [];
  for (const item of kept) {
    if (item.kind === 'check_out' && item.check_in_client_id && dropped.has(item.check_in_client_id)) {
      const first = rejected.find((r) => r.item.client_id === item.check_in_client_id);
      rejected.push({ item, code: first?.code ?? null, detail: first?.detail ?? null });
    } else left.push(item);
  }
  return { queue: left, done, rejected };
}

/** Whether a failed request means "no network": fetch threw, or the browser says offline. */
export function isNetworkFailure(error: unknown, online: boolean): boolean {
  if (!online) return true;
  return error instanceof TypeError;
}
