import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttendeeRow, CheckinCounter } from '../../../cloudfunctions/shared/contract/checkin';
import EmptyState from '../../components/empty-state';
import Tag from '../../components/tag';
import { type ApiError, call, toApiError } from '../../services/api';
import { newRequestId } from '../../utils/request-id';
import { PendingNonces } from '../../utils/scanner-field';
import ReasonDialog from '../components/reason-dialog';
import { organizerRefusal } from '../helpers/refusal';
import { attendeeState, handCheckinMessage, spacedMobile } from '../helpers/checkin-display';
import { currentDeviceName } from '../helpers/device';
import { counterText } from '../helpers/scan-display';
import './index.scss';

const undoReasonLimit = 100;

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

interface RowProps {
  row: AttendeeRow;
  now: Date;
  busy: boolean;
  onCheckIn: (row: AttendeeRow) => void;
  onUndo: (row: AttendeeRow) => void;
}

function AttendeeCard({ row, now, busy, onCheckIn, onUndo }: RowProps) {
  const state = attendeeState(row, now);
  return (
    <View className={`attendee-row${row.checkin ? ' attendee-row--in' : ''}`}>
      <View className="attendee-row__main">
        <View className="attendee-row__top">
          <Text className="attendee-row__name">{row.name}</Text>
          <Tag text={state.badge.text} tone={state.badge.tone} solid={row.checkin !== null} />
        </View>
        <Text className="attendee-row__line">{[spacedMobile(row.mobile), row.team ? `队伍：${row.team}` : ''].filter(Boolean).join(' · ')}</Text>
        {state.detail && <Text className="attendee-row__detail">{state.detail}</Text>}
      </View>
      {row.checkin ? (
        <View className="btn btn--plain attendee-row__action attendee-row__undo" hoverClass="btn--pressed" onClick={busy ? undefined : () => onUndo(row)}>
          撤销签到
        </View>
      ) : (
        <View className="btn btn--primary attendee-row__action attendee-row__check-in" hoverClass="btn--pressed" onClick={busy ? undefined : () => onCheckIn(row)}>
          {busy ? '签到中…' : '手动签到'}
        </View>
      )}
    </View>
  );
}

/** Organizers at the desk: find someone by name or mobile tail, check them in by hand, or undo a mistaken check-in. */
export default function AttendeesPage() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [rows, setRows] = useState<AttendeeRow[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [counter, setCounter] = useState<CheckinCounter | null>(null);
  const [busyMember, setBusyMember] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<AttendeeRow | null>(null);
  const [undoBusy, setUndoBusy] = useState(false);
  const [device] = useState(currentDeviceName);
  const nonces = useRef(new PendingNonces(newRequestId));
  const now = new Date();

  const refreshCounter = useCallback(async () => {
    try {
      setCounter(await call('checkin', 'counter', { eventId }));
    } catch (failure) {
      const error = toApiError(failure);
      if (organizerRefusal(error.code)) setRefusal(error);
    }
  }, [eventId]);

  useEffect(() => {
    void refreshCounter();
  }, [refreshCounter]);

  const replaceRow = (next: AttendeeRow) => setRows((shown) => shown?.map((row) => (row.memberId === next.memberId ? next : row)) ?? shown);

  const search = async (text: string) => {
    const wanted = text.trim();
    if (!wanted) {
      toast('请输入姓名或手机尾号');
      return;
    }
    setSearching(true);
    try {
      setRows(await call('checkin', 'search', { eventId, query: wanted }));
      setSearched(wanted);
    } catch (failure) {
      const error = toApiError(failure);
      if (organizerRefusal(error.code)) setRefusal(error);
      else toast(error.message);
    } finally {
      setSearching(false);
    }
  };

  const checkIn = async (row: AttendeeRow) => {
    setBusyMember(row.memberId);
    try {
      const result = await call('checkin', 'checkInByHand', { eventId, memberId: row.memberId, nonce: nonces.current.nonceFor(row.memberId), device });
      nonces.current.answered(row.memberId);
      if (result.checkin) replaceRow({ ...row, checkin: result.checkin });
      void Taro.showToast({ title: handCheckinMessage(result, row.name), icon: result.accepted ? 'success' : 'none', duration: 2000 });
      void refreshCounter();
    } catch (failure) {
      const error = toApiError(failure);
      // A lost answer keeps its nonce: tapping again is the same check-in, not a second one.
      if (error.code !== 'NETWORK') nonces.current.answered(row.memberId);
      toast(error.message);
    } finally {
      setBusyMember(null);
    }
  };

  const undo = async (reason: string) => {
    if (!undoing) return;
    setUndoBusy(true);
    try {
      replaceRow(await call('checkin', 'undoCheckIn', { eventId, memberId: undoing.memberId, reason }));
      setUndoing(null);
      void Taro.showToast({ title: '已撤销签到', icon: 'success' });
      void refreshCounter();
    } catch (failure) {
      const error = toApiError(failure);
      toast(error.message);
      // Someone undid it first: show what stands now.
      if (error.code === 'NOT_CHECKED_IN') {
        setUndoing(null);
        await search(searched);
      }
    } finally {
      setUndoBusy(false);
    }
  };

  const denied = refusal && organizerRefusal(refusal.code);
  if (denied) {
    return (
      <View className="page">
        <EmptyState mark="限" title={denied.title} hint={denied.hint} />
      </View>
    );
  }

  return (
    <View className="attendees">
      <View className="attendees__head">
        <Text className="attendees__counter">{counter ? counterText(counter) : '已签到 … / …'}</Text>
        <View className="attendees__search">
          <Input
            className="attendees__input"
            value={query}
            focus
            confirmType="search"
            maxlength={20}
            placeholder="姓名或手机尾号 4 位"
            onInput={(event) => setQuery(event.detail.value)}
            onConfirm={(event) => void search(event.detail.value)}
          />
          <View className="btn btn--primary attendees__search-button" hoverClass="btn--pressed" onClick={searching ? undefined : () => void search(query)}>
            {searching ? '查找中…' : '查找'}
          </View>
        </View>
      </View>

      {rows === null ? (
        <EmptyState mark="查" title="查找参加者" hint="输入姓名或手机号后 4 位，可为忘带手机的参加者手动签到，或撤销误签。" />
      ) : rows.length === 0 ? (
        <EmptyState mark="无" title={`没有找到“${searched}”`} hint="只列出本场活动报名已确认的参加者。换个写法试试。" />
      ) : (
        <View className="attendees__list">
          {rows.map((row) => (
            <AttendeeCard key={row.memberId} row={row} now={now} busy={busyMember === row.memberId} onCheckIn={(picked) => void checkIn(picked)} onUndo={setUndoing} />
          ))}
        </View>
      )}

      {undoing && (
        <ReasonDialog
          title="撤销签到"
          text={`撤销 ${undoing.name} 的签到？撤销会留下记录（含原因），之后可重新签到。`}
          confirmText="确认撤销"
          maxLength={undoReasonLimit}
          busy={undoBusy}
          onConfirm={(reason) => void undo(reason)}
          onClose={() => setUndoing(null)}
        />
      )}
    </View>
  );
}
