// The offline queue of the phone page as a hook: kept in localStorage per user, uploaded on
// load, when the browser comes back online, every 30 seconds while anything waits, and on
// demand.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { syncCheckIns, volunteeringKeys } from './api';
import { applyOutcomes, isNetworkFailure, loadQueue, queueKey, saveQueue, toUpload, type QueuedItem, type Rejection } from './queue';

const RETRY_MS = 30_000;

function storage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null;
  }
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

export interface SyncQueue {
  items: QueuedItem[];
  add(item: QueuedItem): void;
  /** Uploads what waits; resolves when done (or nothing to do). */
  sync(): Promise<void>;
  syncing: boolean;
  /** Records the server refused for good in this visit, with the reason. */
  rejected: Rejection[];
  dismissRejected(): void;
  /** How many records the last upload delivered. */
  lastDelivered: number;
}

export function useSyncQueue(userId: string): SyncQueue {
  const key = queueKey(userId);
  const queryClient = useQueryClient();
  const [items, setItems] = useState<QueuedItem[]>(() => loadQueue(storage(), key));
  const [syncing, setSyncing] = useState(false);
  const [rejected, setRejected] = useState<Rejection[]>([]);
  const [lastDelivered, setLastDelivered] = useState(0);
  const busy = useRef(false);
  const online = useOnline();

  const add = useCallback(
    (item: QueuedItem) => {
      const next = [...loadQueue(storage(), key), item];
      saveQueue(storage(), key, next);
      setItems(next);
    },
    [key],
  );

  const sync = useCallback(async () => {
    if (busy.current) return;
    const queued = loadQueue(storage(), key);
    setItems(queued);
    if (queued.length === 0 || !navigator.onLine) return;
    busy.current = true;
    setSyncing(true);
    try {
      const result = await syncCheckIns(toUpload(queued));
      // Records added while the upload was on its way stay for the next one.
      const current = loadQueue(storage(), key);
      const sent = new Set(queued.map((q) => q.client_id));
      const applied = applyOutcomes(
        current.filter((q) => sent.has(q.client_id)),
        result.items,
      );
      const next = [...applied.queue, ...current.filter((q) => !sent.has(q.client_id))];
      saveQueue(storage(), key, next);
      setItems(next);
      setLastDelivered(applied.done);
      if (applied.rejected.length) setRejected((r) => [...r, ...applied.rejected]);
      await queryClient.invalidateQueries({ queryKey: volunteeringKeys.all });
    } catch (e) {
      // Still no network (or the server is down): everything stays for the next try.
      if (!isNetworkFailure(e, navigator.onLine)) console.warn('check-in sync failed', e);
    } finally {
      busy.current = false;
      setSyncing(false);
    }
  }, [key, queryClient]);

  // On load and whenever the browser comes back online.
  useEffect(() => {
    if (online) void sync();
  }, [online, sync]);

  // While anything waits: try again now and then (an `online` event may never come).
  useEffect(() => {
    if (items.length === 0) return;
    const timer = setInterval(() => void sync(), RETRY_MS);
    return () => clearInterval(timer);
  }, [items.length, sync]);

  return {
    items,
    add,
    sync,
    syncing,
    rejected,
    dismissRejected: () => setRejected([]),
    lastDelivered,
  };
}
