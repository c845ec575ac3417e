import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckinCounter, ScannerSession, ScanResult } from '../../../cloudfunctions/shared/contract/checkin';
import { parseCode } from '../../../cloudfunctions/shared/contract/ticket-code';
import { type Remote, useRemote } from '../../hooks/use-remote';
import { ApiError, call, networkErrorMessage, toApiError } from '../../services/api';
import {
  enqueue,
  nextSyncBatch,
  prepareKit,
  rememberCheckin,
  settleSync,
  type SyncReport,
  verifyOffline,
} from '../../utils/offline-checkin';
import { newRequestId } from '../../utils/request-id';
import { PendingNonces } from '../../utils/scanner-field';
import { currentDeviceName } from './device';
import { clearKit, loadOfflineState, type OfflineState, saveKit, saveQueue, saveSeen } from './offline-store';
import { failureView, type ScanResultView, scanResultView, syncReportText } from './scan-display';

/** With a preload on the device, a redeem that hangs this long is checked offline instead (its nonce keeps a late answer harmless). */
const offlineFallbackMs = 4000;
const refreshEveryMs = 10000;

export interface ShownResult {
  /** Changes with every scan, so an identical verdict twice in a row still restarts the overlay's timer. */
  id: number;
  view: ScanResultView;
}

export interface ScanStation {
  session: Remote<ScannerSession>;
  device: string;
  counter: CheckinCounter | null;
  result: ShownResult | null;
  /** A scan is on its way to the server. */
  checking: boolean;
  submit: (code: string) => void;
  dismiss: () => void;
  offline: OfflineState;
  preparing: boolean;
  prepare: () => Promise<void>;
  syncing: boolean;
  sync: () => Promise<void>;
  lastSync: SyncReport | null;
  discardKit: () => void;
}

function isNetworkFailure(error: ApiError): boolean {
  return error.code === 'NETWORK';
}

function withDeadline<T>(work: Promise<T>, deadlineMs: number | null): Promise<T> {
  if (deadlineMs === null) return work;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ApiError('NETWORK', networkErrorMessage)), deadlineMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (failure: unknown) => {
        clearTimeout(timer);
        reject(failure);
      },
    );
  });
}

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

/**
 * The steward's scan loop for one event: redeem online, fall back to the device's preload when the network is
 * gone, keep the counter fresh, and send offline check-ins back as soon as the server answers again.
 */
export function useScanStation(eventId: string, active: boolean): ScanStation {
  const load = useCallback(() => call('checkin', 'openScanner', { eventId }), [eventId]);
  const session = useRemote(load);
  const [device] = useState(currentDeviceName);
  const [counter, setCounter] = useState<CheckinCounter | null>(null);
  const [result, setResult] = useState<ShownResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const [lastSync, setLastSync] = useState<SyncReport | null>(null);

  const offlineRef = useRef<OfflineState>(loadOfflineState(eventId));
  const [offline, setOffline] = useState<OfflineState>(offlineRef.current);
  const updateOffline = useCallback((next: OfflineState) => {
    offlineRef.current = next;
    setOffline(next);
  }, []);

  const nonces = useRef(new PendingNonces(newRequestId));
  const scans = useRef<Promise<void>>(Promise.resolve());
  const resultCount = useRef(0);
  const syncBusy = useRef(false);
  const counterBusy = useRef(false);
  const counterAgain = useRef(false);

  useEffect(() => {
    if (session.data) setCounter(session.data.counter);
  }, [session.data]);

  const show = useCallback((view: ScanResultView) => {
    resultCount.current += 1;
    setResult({ id: resultCount.current, view });
  }, []);

  const dismiss = useCallback(() => setResult(null), []);

  // One request at a time; scans made meanwhile ask again once it returns.
  const refreshCounter = useCallback(async () => {
    if (counterBusy.current) {
      counterAgain.current = true;
      return;
    }
    counterBusy.current = true;
    try {
      do {
        counterAgain.current = false;
        setCounter(await call('checkin', 'counter', { eventId }));
      } while (counterAgain.current);
    } catch {
      // Offline or busy: the last figure stays until the next refresh.
    } finally {
      counterBusy.current = false;
    }
  }, [eventId]);

  const sync = useCallback(
    async (quiet = false) => {
      if (syncBusy.current || offlineRef.current.queue.length === 0) return;
      syncBusy.current = true;
      setSyncing(true);
      const report: SyncReport = { accepted: [], conflicts: [], rejected: [] };
      try {
        while (offlineRef.current.queue.length > 0) {
          const answer = await call('checkin', 'sync', { eventId, device, scans: nextSyncBatch(offlineRef.current.queue) });
          const current = offlineRef.current;
          const { remaining, report: part } = settleSync(current.queue, answer.outcomes);
          report.accepted.push(...part.accepted);
          report.conflicts.push(...part.conflicts);
          report.rejected.push(...part.rejected);
          const seen = part.accepted.reduce((known, scan) => rememberCheckin(known, scan.ticketId, scan.scannedAt), current.seen);
          saveQueue(eventId, remaining);
          saveSeen(eventId, seen);
          updateOffline({ ...current, queue: remaining, seen });
          setCounter(answer.counter);
          // A server that answered none of them would be asked the same forever.
          if (remaining.length === current.queue.length) break;
        }
        const answered = report.accepted.length + report.conflicts.length + report.rejected.length;
        if (answered > 0) {
          setLastSync(report);
          if (!quiet || report.conflicts.length > 0 || report.rejected.length > 0) toast(syncReportText(report));
        }
      } catch (failure) {
        if (!quiet) toast(toApiError(failure).message);
      } finally {
        syncBusy.current = false;
        setSyncing(false);
      }
    },
    [device, eventId, updateOffline],
  );

  const remember = useCallback(
    (code: string, scan: ScanResult) => {
      const current = offlineRef.current;
      const ticketId = parseCode(code)?.id;
      if (!current.kit || !ticketId || !scan.checkin || !(scan.accepted || scan.rejection === 'alreadyCheckedIn')) return;
      const seen = rememberCheckin(current.seen, ticketId, scan.checkin.at);
      if (seen === current.seen) return;
      saveSeen(eventId, seen);
      updateOffline({ ...current, seen });
    },
    [eventId, updateOffline],
  );

  const redeem = useCallback(
    async (code: string) => {
      const nonce = nonces.current.nonceFor(code);
      setChecking(true);
      try {
        const answer = await withDeadline(call('checkin', 'redeem', { eventId, code, nonce, device }), offlineRef.current.kit ? offlineFallbackMs : null);
        nonces.current.answered(code);
        show(scanResultView(answer, false, new Date()));
        remember(code, answer);
        if (answer.accepted) setCounter((shown) => (shown ? { ...shown, checkedIn: shown.checkedIn + 1 } : shown));
        void refreshCounter();
        if (offlineRef.current.queue.length > 0) void sync(true);
      } catch (failure) {
        const error = toApiError(failure);
        const current = offlineRef.current;
        if (!isNetworkFailure(error)) {
          nonces.current.answered(code);
          show(failureView(error));
        } else if (!current.kit) {
          // The nonce stays: sending this code again is the same scan.
          show(failureView({ code: 'NETWORK', message: '网络异常，本机也未做离线准备，无法核验。请检查网络后重扫。' }));
        } else {
          const verdict = verifyOffline(current.kit, current.queue, current.seen, code, nonce, new Date());
          nonces.current.answered(code);
          if (verdict.queued) {
            const queue = enqueue(current.queue, verdict.queued);
            saveQueue(eventId, queue);
            updateOffline({ ...current, queue });
          }
          show(scanResultView(verdict.result, true, new Date()));
        }
      } finally {
        setChecking(false);
      }
    },
    [device, eventId, refreshCounter, remember, show, sync, updateOffline],
  );

  const submit = useCallback(
    (code: string) => {
      scans.current = scans.current.then(() => redeem(code));
    },
    [redeem],
  );

  const prepare = useCallback(async () => {
    setPreparing(true);
    try {
      const preload = await call('checkin', 'preload', { eventId });
      const kit = prepareKit(preload, new Date());
      saveKit(eventId, kit);
      updateOffline({ ...offlineRef.current, kit, seen: {} });
      saveSeen(eventId, {});
      void Taro.showToast({ title: `已保存 ${preload.tickets.length} 张签到码`, icon: 'success' });
    } catch (failure) {
      const error = toApiError(failure);
      toast(error.code === 'NETWORK' ? '离线准备需要联网，请在网络良好时操作' : error.message);
    } finally {
      setPreparing(false);
    }
  }, [eventId, updateOffline]);

  const discardKit = useCallback(() => {
    clearKit(eventId);
    updateOffline({ ...offlineRef.current, kit: null, seen: {} });
  }, [eventId, updateOffline]);

  // While the page is up: the counter every 10 s, and any offline check-ins as soon as the server answers. A page
  // opened with no network works from the preload and keeps asking for the session meanwhile.
  const opened = session.data !== null;
  const reloadSession = session.reload;
  const canScan = opened || offline.kit !== null;
  useEffect(() => {
    if (!active || !canScan) return;
    const timer = setInterval(() => {
      if (opened) void refreshCounter();
      else void reloadSession();
      void sync(true);
    }, refreshEveryMs);
    void sync(true);
    return () => clearInterval(timer);
  }, [active, canScan, opened, refreshCounter, reloadSession, sync]);

  return {
    session,
    device,
    counter,
    result,
    checking,
    submit,
    dismiss,
    offline,
    preparing,
    prepare,
    syncing,
    sync: () => sync(false),
    lastSync,
    discardKit,
  };
}
