import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tagged } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency';
import { fileNameFrom, saveBlob } from '../../lib/download';
import { isStale } from '../registry/isStale';
import { allowanceKeys, bankFile, cycleTag, disburseCycle, regenerateCycle, transitionCycle, useCycleChanged } from './api';
import { useAllowanceNotify } from './useAllowanceNotify';
import { keepKeyForRetry } from './model';
import type { Cycle, CycleAction } from './types';

/**
 * What one may do to a cycle from its page: the transitions (with `If-Match` from the
 * cycle's GET), regenerating a draft, disbursing (one `Idempotency-Key` per click, kept for a
 * retry when the outcome is unknown) and downloading the bank file. Each refreshes the page.
 */
export function useCycleActions(cycle: Tagged<Cycle>) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const notify = useAllowanceNotify();
  const queryClient = useQueryClient();
  const id = cycle.data.id;
  const changed = useCycleChanged(id);
  const [busy, setBusy] = useState<CycleAction | 'regenerate' | 'disburse' | 'export' | null>(null);
  const disburseKey = useRef<string | null>(null);
  const [retryingDisburse, setRetryingDisburse] = useState(false);
  const [exported, setExported] = useState(false);

  async function transition(action: CycleAction) {
    setBusy(action);
    try {
      const updated = await transitionCycle(id, cycleTag(cycle), action);
      queryClient.setQueryData(allowanceKeys.cycle(id), updated);
      void message.success(t(`allowances.actions.done.${action}`));
      await changed();
    } catch (e) {
      if (isStale(e)) {
        // Someone acted on the cycle meanwhile: show it as it is now.
        notification.warning({ title: t('allowances.cycle.stale'), placement: 'topRight' });
        await changed();
      } else {
        notify(e);
      }
    } finally {
      setBusy(null);
    }
  }

  async function regenerate() {
    setBusy('regenerate');
    try {
      const updated = await regenerateCycle(id);
      queryClient.setQueryData(allowanceKeys.cycle(id), updated);
      void message.success(t('allowances.cycle.regenerated', { count: updated.data.candidates }));
      await changed();
    } catch (e) {
      notify(e);
    } finally {
      setBusy(null);
    }
  }

  async function disburse() {
    setBusy('disburse');
    // A retry of a click whose outcome is unknown sends the same key: the server answers
    // it once (it replays the first answer), so nobody is paid twice.
    const key = disburseKey.current ?? newIdempotencyKey();
    disburseKey.current = key;
    try {
      await disburseCycle(id, key);
      disburseKey.current = null;
      setRetryingDisburse(false);
      void message.success(t('allowances.actions.done.disburse'));
      await changed();
    } catch (e) {
      const retry = keepKeyForRetry(e);
      if (!retry) disburseKey.current = null;
      setRetryingDisburse(retry);
      notify(e);
      if (!retry) await changed();
    } finally {
      setBusy(null);
    }
  }

  async function download() {
    setBusy('export');
    try {
      const { blob, disposition } = await bankFile(id);
      const name = fileNameFrom(disposition) ?? `bank-transfers-${cycle.data.month}.csv`;
      saveBlob(blob, name);
      setExported(true);
      void message.success(t('allowances.export.downloaded', { file: name }));
    } catch (e) {
      notify(e);
    } finally {
      setBusy(null);
    }
  }

  return { busy, transition, regenerate, disburse, retryingDisburse, download, exported, changed };
}

export type CycleActions = ReturnType<typeof useCycleActions>;
