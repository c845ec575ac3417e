import { Input, ScrollView, Text, Textarea, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { EventDetail, EventQuestion } from '../../../cloudfunctions/shared/contract/events';
import { registrationSearchLimit } from '../../../cloudfunctions/shared/contract/event-limits';
import type { CounterCheck, MemberMatch, RegistrationRow } from '../../../cloudfunctions/shared/contract/registrations';
import type { RegistrationExport } from '../../../cloudfunctions/shared/contract/reports';
import { type RegistrationStatus, registrationStatusLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import { formInputClass } from '../../components/form-field';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { useRemote } from '../../hooks/use-remote';
import { useSubmitting } from '../../hooks/use-submitting';
import { call, toApiError } from '../../services/api';
import { checkinPageUrl } from '../../utils/checkin-entry';
import { formatDateTime, formatEventTime } from '../../utils/time';
import Dialog from '../components/dialog';
import { wholeNumber } from '../helpers/event-form';
import { organizerRefusal } from '../helpers/refusal';
import {
  answerLines,
  applicantProfile,
  capacityEffect,
  counterDifferences,
  counterTiles,
  registrationBadge,
  seatGauge,
  seatUnit,
  spacedMobile,
  statusFilters,
} from '../helpers/registrations-display';
import { type SeatSummary, useRegistrationPages } from '../helpers/use-registration-pages';
import { openSpreadsheet } from './spreadsheet-opener';
import './index.scss';

const decisionMessageLimit = 200;
/** 全部通过 reads the pending applications in pages this size (the largest a list call takes). */
const pendingPageSize = 50;
/** Names listed in the 全部通过 dialog before it says how many more. */
const namesListed = 12;

function namesInBrief(rows: RegistrationRow[]): string {
  const names = rows.slice(0, namesListed).map((row) => row.name).join('、');
  return rows.length > namesListed ? `${names} 等 ${rows.length} 人` : names;
}

/** The optional message sent with a decision, with its character count. */
function DecisionMessageField({ value, placeholder, onChange }: { value: string; placeholder: string; onChange: (value: string) => void }) {
  return (
    <>
      <Textarea
        className="registrations-admin__textarea"
        value={value}
        maxlength={decisionMessageLimit}
        placeholder={placeholder}
        onInput={(change) => onChange(change.detail.value)}
      />
      <Text className="registrations-admin__count">{`${value.trim().length}/${decisionMessageLimit}`}</Text>
    </>
  );
}

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none' });
}

interface RowProps {
  row: RegistrationRow;
  questions: EventQuestion[];
  now: Date;
  onDecide: (row: RegistrationRow, approve: boolean) => void;
}

function RegistrationCard({ row, questions, now, onDecide }: RowProps) {
  const [open, setOpen] = useState(false);
  const badge = registrationBadge(row);
  const answers = answerLines(questions, row.answers);
  const phone = () => void Taro.makePhoneCall({ phoneNumber: row.mobile });
  const inactive = row.status === 'cancelled' || row.status === 'rejected' || row.status === 'expired';
  return (
    <View className={`registration-row registration-row--${row.status}${inactive ? ' registration-row--inactive' : ''}`}>
      <View className="registration-row__top">
        <Text className="registration-row__name">{row.name}</Text>
        <Tag text={badge.text} tone={badge.tone} solid={row.status === 'confirmed'} />
        {row.addedByOrganizer && <Tag text="组织者添加" tone="muted" />}
      </View>
      <View className="registration-row__mobile" hoverClass="registration-row__mobile--pressed" onClick={phone}>
        <Text className="registration-row__mobile-number">{spacedMobile(row.mobile)}</Text>
        <Text className="registration-row__call">拨打</Text>
      </View>
      <Text className="registration-row__line registration-row__profile">{applicantProfile(row)}</Text>
      {row.team && (
        <Text className="registration-row__line">{`队伍：${row.team.name}（${row.team.size} 人）${row.team.isCaptain ? ' · 队长' : ''}`}</Text>
      )}
      {row.decisionMessage && <Text className="registration-row__message">{`留言：${row.decisionMessage}`}</Text>}
      <View className="registration-row__foot">
        <Text className="registration-row__time">{`${formatDateTime(row.registeredAt, now)} 报名`}</Text>
        {answers.length > 0 && (
          <Text className="registration-row__toggle" onClick={() => setOpen(!open)}>
            {open ? '收起回答' : `查看回答（${answers.length}）`}
          </Text>
        )}
      </View>
      {open && (
        <View className="registration-row__answers">
          {answers.map((line) => (
            <View key={line.questionId} className="registration-row__answer">
              <Text className="registration-row__question">{line.label}</Text>
              <Text className="registration-row__reply" userSelect>
                {line.text}
              </Text>
            </View>
          ))}
        </View>
      )}
      {row.status === 'pending' && (
        <View className="registration-row__decide">
          <View className="btn btn--plain registration-row__reject" hoverClass="btn--pressed" onClick={() => onDecide(row, false)}>
            拒绝
          </View>
          <View className="btn btn--primary registration-row__approve" hoverClass="btn--pressed" onClick={() => onDecide(row, true)}>
            通过
          </View>
        </View>
      )}
    </View>
  );
}

function SeatHeader({ event, summary, now }: { event: EventDetail; summary: SeatSummary | null; now: Date }) {
  const isTeam = event.team !== null;
  const counters = summary?.counters ?? { seatsTaken: event.seatsTaken, waitlistCount: event.waitlistCount, openOffers: event.openOffers, pendingCount: event.pendingCount };
  const capacity = summary?.capacity ?? event.capacity;
  const gauge = seatGauge(counters, capacity, isTeam);
  return (
    <View className="registrations-admin__header">
      <Text className="registrations-admin__title">{event.title}</Text>
      <Text className="registrations-admin__when">{formatEventTime(event.startAt, event.endAt, now)}</Text>
      <View className="registrations-admin__gauge">
        <View className="registrations-admin__gauge-head">
          <Text className="registrations-admin__gauge-label">已报名 / 名额</Text>
          <Text className="registrations-admin__gauge-value">{gauge.text}</Text>
        </View>
        <View className="registrations-admin__track">
          <View className={`registrations-admin__fill registrations-admin__fill--${gauge.tone}`} style={{ width: `${gauge.percent}%` }} />
        </View>
        <Text className="registrations-admin__gauge-note">{gauge.note}</Text>
      </View>
      <View className="registrations-admin__tiles">
        {counterTiles(counters, isTeam).map((tile) => (
          <View key={tile.key} className={`registrations-admin__tile registrations-admin__tile--${tile.tone}`}>
            <Text className="registrations-admin__tile-value">
              {tile.value}
              <Text className="registrations-admin__tile-unit">{tile.unit}</Text>
            </Text>
            <Text className="registrations-admin__tile-label">{tile.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

interface Deciding {
  row: RegistrationRow;
  approve: boolean;
}

type OpenDialog = 'add' | 'capacity' | 'check' | null;

function RegistrationsAdmin({ event }: { event: EventDetail }) {
  const [status, setStatus] = useState<RegistrationStatus | null>(null);
  const pages = useRegistrationPages(event.id, status);
  const { setSummary, refresh: refreshPages } = pages;
  // Rows answered by a decision, shown in place until the next refresh so the list keeps its scroll position.
  const [changedRows, setChangedRows] = useState<Record<string, RegistrationRow>>({});
  const [now] = useState(() => new Date());
  const [busy, submit] = useSubmitting();
  /** Runs `work` as the page's one request in flight; a refusal is said in words. */
  const submitOrSay = (work: () => Promise<void>) =>
    submit(async () => {
      try {
        await work();
      } catch (failure) {
        toast(toApiError(failure).message);
      }
    });
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const [decisionMessage, setDecisionMessage] = useState('');
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<MemberMatch[] | null>(null);
  const [capacityText, setCapacityText] = useState('');
  const [check, setCheck] = useState<CounterCheck | null>(null);
  const [finderText, setFinderText] = useState('');
  const [searched, setSearched] = useState<{ query: string; rows: RegistrationRow[] } | null>(null);
  // 全部通过: every pending application (null while they are being read), and how many have been decided so far.
  const [approvingAll, setApprovingAll] = useState<{ rows: RegistrationRow[] | null; done: number } | null>(null);
  const isTeam = event.team !== null;
  const unit = seatUnit(isTeam);
  const capacity = pages.summary?.capacity ?? event.capacity;
  const counters = pages.summary?.counters ?? { seatsTaken: event.seatsTaken, waitlistCount: event.waitlistCount, openOffers: event.openOffers, pendingCount: event.pendingCount };

  const refresh = useCallback(async () => {
    setChangedRows({});
    await refreshPages();
  }, [refreshPages]);

  const refreshCounters = useCallback(async () => {
    try {
      const page = await call('events', 'registrations', { eventId: event.id, page: 1, pageSize: 1 });
      setSummary({ counters: page.counters, capacity: page.capacity });
    } catch {
      // The rows already show the decision; the counters catch up on the next refresh.
    }
  }, [event.id, setSummary]);

  usePullDownRefresh(async () => {
    await refresh();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => {
    void pages.loadMore();
  });

  const pickStatus = (next: RegistrationStatus | null) => {
    setChangedRows({});
    setStatus(next);
  };

  const startDecision = (row: RegistrationRow, approve: boolean) => {
    setDecisionMessage('');
    setDeciding({ row, approve });
  };

  const decide = async () => {
    if (!deciding) return;
    await submit(async () => {
      try {
        const row = await call('events', 'decide', { eventId: event.id, memberId: deciding.row.memberId, approve: deciding.approve, message: decisionMessage.trim() });
        setChangedRows((rows) => ({ ...rows, [row.memberId]: row }));
        setDeciding(null);
        void Taro.showToast({ title: deciding.approve ? `已通过：${registrationStatusLabels[row.status]}` : '已拒绝', icon: deciding.approve ? 'success' : 'none' });
        await refreshCounters();
      } catch (failure) {
        const error = toApiError(failure);
        toast(error.message);
        // Someone else decided first: show what stands now.
        if (error.code === 'NOT_PENDING') {
          setDeciding(null);
          await refresh();
        }
      }
    });
  };

  /** Every pending application in the order they applied, read page by page before any is decided (a decision moves its row out of the pages). */
  const allPending = useCallback(async () => {
    const pending = new Map<string, RegistrationRow>();
    for (let page = 1; ; page++) {
      const result = await call('events', 'registrations', { eventId: event.id, status: 'pending', page, pageSize: pendingPageSize });
      for (const row of result.items) if (row.status === 'pending') pending.set(row.memberId, row);
      if (!result.hasMore) return [...pending.values()];
    }
  }, [event.id]);

  const startApproveAll = async () => {
    setDecisionMessage('');
    setApprovingAll({ rows: null, done: 0 });
    try {
      const rows = await allPending();
      setApprovingAll((state) => state && { ...state, rows });
    } catch (failure) {
      setApprovingAll(null);
      toast(toApiError(failure).message);
    }
  };

  /** One decision after another, in the order they applied, so seats go to the earlier applicants first. */
  const approveAll = async () => {
    if (!approvingAll?.rows) return;
    const { rows: pending } = approvingAll;
    await submit(async () => {
      let approved = 0;
      let takenByOthers = 0;
      let stoppedBy: string | null = null;
      for (const row of pending) {
        try {
          const decided = await call('events', 'decide', { eventId: event.id, memberId: row.memberId, approve: true, message: decisionMessage.trim() });
          setChangedRows((rows) => ({ ...rows, [decided.memberId]: decided }));
          approved += 1;
        } catch (failure) {
          const error = toApiError(failure);
          if (error.code !== 'NOT_PENDING') {
            stoppedBy = error.message;
            break;
          }
          takenByOthers += 1;
        }
        setApprovingAll((state) => state && { ...state, done: approved + takenByOthers });
      }
      setApprovingAll(null);
      const others = takenByOthers > 0 ? `，${takenByOthers} 人已由他人处理` : '';
      toast(stoppedBy ? `已通过 ${approved} 人，其余未处理：${stoppedBy}` : `已通过 ${approved} 人${others}`);
      await refresh();
    });
  };

  const runCheck = async () => {
    await submit(async () => {
      try {
        const result = await call('events', 'checkCounters', { eventId: event.id });
        setCheck(result);
        if (!result.consistent || result.repairedSlots > 0 || result.repairedTeamPlaces > 0) await refresh();
      } catch (failure) {
        setDialog(null);
        toast(toApiError(failure).message);
      }
    });
  };

  const openDialog = (next: OpenDialog) => {
    setQuery('');
    setMatches(null);
    setCapacityText(String(capacity));
    setCheck(null);
    setDialog(next);
    if (next === 'check') void runCheck();
  };

  const search = async () => {
    const text = query.trim();
    if (!text) {
      toast('请输入姓名或手机号');
      return;
    }
    await submitOrSay(async () => {
      setMatches(await call('events', 'findMembers', { eventId: event.id, query: text }));
    });
  };

  const addMember = async (match: MemberMatch) => {
    await submitOrSay(async () => {
      const row = await call('events', 'addMember', { eventId: event.id, memberId: match.memberId });
      setDialog(null);
      void Taro.showToast({ title: `已添加${match.name}：${registrationBadge(row).text}`, icon: 'none' });
      await refresh();
    });
  };

  const findOnList = async () => {
    const text = finderText.trim();
    if (!text) {
      toast('请输入姓名或手机尾号');
      return;
    }
    await submitOrSay(async () => {
      setSearched({ query: text, rows: await call('events', 'searchRegistrations', { eventId: event.id, query: text }) });
    });
  };

  const clearSearch = () => {
    setFinderText('');
    setSearched(null);
  };

  const exportList = async () => {
    await submit(async () => {
      void Taro.showLoading({ title: '正在生成名单…', mask: true });
      let exported: RegistrationExport;
      try {
        exported = await call('reports', 'exportRegistrations', { eventId: event.id });
      } catch (failure) {
        Taro.hideLoading();
        toast(toApiError(failure).message);
        return;
      }
      try {
        await openSpreadsheet(exported.url, exported.fileName);
        Taro.hideLoading();
        toast(`已导出 ${exported.people} 人`);
      } catch {
        Taro.hideLoading();
        toast('名单已生成，但没能打开，请重试');
      }
    });
  };

  const nextCapacity = wholeNumber(capacityText);
  const capacityProblem =
    nextCapacity === null ? '请填写整数' : nextCapacity < 1 ? '名额至少为 1' : nextCapacity > 5000 ? '名额不能超过 5000' : null;

  const saveCapacity = async () => {
    if (nextCapacity === null || capacityProblem) {
      toast(capacityProblem ?? '请填写整数');
      return;
    }
    await submitOrSay(async () => {
      const { capacity: savedCapacity, promoted, ...savedCounters } = await call('events', 'setCapacity', { eventId: event.id, capacity: nextCapacity });
      setSummary({ counters: savedCounters, capacity: savedCapacity });
      setDialog(null);
      const promotedText = promoted > 0 ? `，已从候补${event.waitlistMode === 'offer' ? '通知' : '递补'} ${promoted} ${unit}` : '';
      void Taro.showToast({ title: `名额已调整为 ${savedCapacity}${promotedText}`, icon: 'none' });
      if (promoted > 0) await refresh();
    });
  };

  const rows = (searched?.rows ?? pages.items).map((row) => changedRows[row.memberId] ?? row);
  const filterLabel = statusFilters.find((filter) => filter.status === status)?.label ?? '全部';

  const rowList = (
    <View className="registrations-admin__list">
      {rows.map((row) => (
        <RegistrationCard key={row.memberId} row={row} questions={event.questions} now={now} onDecide={startDecision} />
      ))}
    </View>
  );

  return (
    <View className="registrations-admin">
      <SeatHeader event={event} summary={pages.summary} now={now} />

      <View className="registrations-admin__tools">
        <View className="registrations-admin__tool registrations-admin__add" hoverClass="btn--pressed" onClick={() => openDialog('add')}>
          添加报名
        </View>
        <View className="registrations-admin__tool registrations-admin__capacity" hoverClass="btn--pressed" onClick={() => openDialog('capacity')}>
          调整名额
        </View>
        <View className="registrations-admin__tool registrations-admin__check" hoverClass="btn--pressed" onClick={() => openDialog('check')}>
          核对名额
        </View>
        <View className="registrations-admin__tool registrations-admin__export" hoverClass="btn--pressed" onClick={() => void exportList()}>
          导出名单
        </View>
        <View
          className="registrations-admin__tool registrations-admin__checkin"
          hoverClass="btn--pressed"
          onClick={() => void Taro.navigateTo({ url: checkinPageUrl('manage', event.id) })}
        >
          签到管理
        </View>
      </View>

      <View className="registrations-admin__search registrations-admin__finder">
        <Input
          className={`${formInputClass} registrations-admin__search-input registrations-admin__finder-input`}
          value={finderText}
          maxlength={20}
          placeholder="搜索姓名或手机尾号"
          confirmType="search"
          onInput={(change) => setFinderText(change.detail.value)}
          onConfirm={() => void findOnList()}
        />
        <View className="btn btn--primary registrations-admin__search-button registrations-admin__finder-button" hoverClass="btn--pressed" onClick={() => void findOnList()}>
          搜索
        </View>
      </View>

      {searched ? (
        <View className="registrations-admin__finder-summary">
          <Text className="registrations-admin__finder-text">{`“${searched.query}”：找到 ${searched.rows.length} 人${searched.rows.length === registrationSearchLimit ? `（仅显示前 ${registrationSearchLimit} 人，请输入更多字）` : ''}`}</Text>
          <Text className="registrations-admin__finder-clear" onClick={clearSearch}>
            清除搜索
          </Text>
        </View>
      ) : (
        <ScrollView scrollX className="registrations-admin__filters" enhanced showScrollbar={false}>
          <View className="registrations-admin__filters-track">
            {statusFilters.map((filter) => (
              <View key={filter.label} className="registrations-admin__filter-hit" onClick={() => pickStatus(filter.status)}>
                <Text className={`registrations-admin__filter${filter.status === status ? ' registrations-admin__filter--active' : ''}`}>
                  {filter.status === 'pending' && counters.pendingCount > 0 ? `${filter.label} ${counters.pendingCount}` : filter.label}
                </Text>
              </View>
            ))}
          </View>
        </ScrollView>
      )}

      <View className="registrations-admin__list-area">
        {searched ? (
          rows.length === 0 ? (
            <EmptyState mark="搜" title={`没有找到“${searched.query}”`} hint="试试姓名中的一个字，或手机号的后 4 位。" />
          ) : (
            rowList
          )
        ) : pages.loading && pages.items.length === 0 ? (
          <LoadingSkeleton cards={3} />
        ) : pages.error ? (
          organizerRefusal(pages.error.code) ? (
            <EmptyState mark="限" title="没有权限" hint="你不是该活动主办组织的组织者，不能查看报名名单。" />
          ) : (
            <ErrorState message={pages.error.message} onRetry={() => void refresh()} />
          )
        ) : rows.length === 0 ? (
          <EmptyState
            mark="报"
            title={status ? `没有“${filterLabel}”的报名` : '还没有人报名'}
            hint={status ? '换个状态看看。' : event.status === 'draft' ? '活动尚未发布，发布后会员才能报名。' : '会员报名后会显示在这里；也可以点“添加报名”为会员代报。'}
          />
        ) : (
          <View>
            {status === 'pending' && !isTeam && counters.pendingCount > 1 && (
              <View className="btn btn--ghost registrations-admin__approve-all" hoverClass="btn--pressed" onClick={() => void startApproveAll()}>
                {`全部通过（${counters.pendingCount} 人）`}
              </View>
            )}
            {rowList}
            {pages.moreError ? (
              <View className="btn btn--ghost registrations-admin__more" hoverClass="btn--pressed" onClick={() => void pages.loadMore()}>
                {`${pages.moreError.message}，点此重试`}
              </View>
            ) : pages.hasMore ? (
              <View className="btn btn--plain registrations-admin__more" hoverClass="btn--pressed" onClick={() => void pages.loadMore()}>
                {pages.loadingMore ? '加载中…' : '加载更多'}
              </View>
            ) : (
              <Text className="registrations-admin__end">{`已显示全部 ${rows.length} 条`}</Text>
            )}
          </View>
        )}
      </View>

      {deciding && (
        <Dialog
          className="decide-dialog"
          title={`${deciding.approve ? '通过' : '拒绝'}${deciding.row.name}的报名`}
          confirmText={deciding.approve ? '通过' : '拒绝'}
          danger={!deciding.approve}
          busy={busy}
          onConfirm={() => void decide()}
          onClose={() => setDeciding(null)}
        >
          <View className="registrations-admin__applicant">
            <Text className="registrations-admin__applicant-profile">{applicantProfile(deciding.row)}</Text>
            {answerLines(event.questions, deciding.row.answers).map((line) => (
              <View key={line.questionId} className="registrations-admin__applicant-answer">
                <Text className="registrations-admin__applicant-question">{line.label}</Text>
                <Text className="registrations-admin__applicant-reply">{line.text}</Text>
              </View>
            ))}
          </View>
          <Text className="registrations-admin__dialog-text">
            {deciding.approve
              ? `通过后将占用一个名额；名额已满时按顺序进入候补。对方会收到通知。`
              : '拒绝后对方会收到通知，不占用名额。'}
          </Text>
          <DecisionMessageField
            value={decisionMessage}
            placeholder={deciding.approve ? '留言（选填），如：请提前 15 分钟到场签到' : '留言（选填），如：本次沙龙仅限金融行业从业者'}
            onChange={setDecisionMessage}
          />
        </Dialog>
      )}

      {approvingAll && (
        <Dialog
          className="approve-all-dialog"
          title={approvingAll.rows ? `通过 ${approvingAll.rows.length} 人的报名` : '通过全部待审核的报名'}
          confirmText="全部通过"
          busy={busy || !approvingAll.rows}
          onConfirm={() => void approveAll()}
          onClose={() => setApprovingAll(null)}
        >
          <Text className="registrations-admin__dialog-text">
            {!approvingAll.rows
              ? '正在读取全部待审核名单…'
              : busy
                ? `正在逐一通过：${approvingAll.done}/${approvingAll.rows.length}…`
                : `按申请先后逐一通过：${namesInBrief(approvingAll.rows)}。名额已满时按顺序进入候补，每人都会收到通知。`}
          </Text>
          <DecisionMessageField value={decisionMessage} placeholder="给每人的留言（选填），如：请提前 15 分钟到场签到" onChange={setDecisionMessage} />
        </Dialog>
      )}

      {dialog === 'add' && (
        <Dialog className="add-dialog" title="添加报名" confirmText="关闭" onClose={() => setDialog(null)}>
          <Text className="registrations-admin__dialog-text">为会员代报名：按姓名或手机号查找。添加后按报名顺序占用名额，名额已满时进入候补，并通知本人。</Text>
          <View className="registrations-admin__search">
            <Input
              className={`${formInputClass} registrations-admin__search-input`}
              value={query}
              maxlength={20}
              placeholder="姓名或手机号"
              confirmType="search"
              onInput={(change) => setQuery(change.detail.value)}
              onConfirm={() => void search()}
            />
            <View className="btn btn--primary registrations-admin__search-button" hoverClass="btn--pressed" onClick={busy ? undefined : () => void search()}>
              {busy && matches === null ? '查找中…' : '查找'}
            </View>
          </View>
          {matches !== null &&
            (matches.length === 0 ? (
              <Text className="registrations-admin__no-match">没有找到匹配的会员，请核对姓名或手机号。</Text>
            ) : (
              matches.map((match) => (
                <View key={match.memberId} className="registrations-admin__match">
                  <View className="registrations-admin__match-main">
                    <Text className="registrations-admin__match-name">{match.name}</Text>
                    <Text className="registrations-admin__match-line">{[spacedMobile(match.mobile), match.employer].filter(Boolean).join(' · ')}</Text>
                  </View>
                  {match.registrationStatus ? (
                    <Tag text={registrationStatusLabels[match.registrationStatus]} tone="muted" />
                  ) : (
                    <View className="btn btn--ghost registrations-admin__match-add" hoverClass="btn--pressed" onClick={busy ? undefined : () => void addMember(match)}>
                      添加
                    </View>
                  )}
                </View>
              ))
            ))}
        </Dialog>
      )}

      {dialog === 'capacity' && (
        <Dialog className="capacity-dialog" title="调整名额" confirmText="确认调整" busy={busy} onConfirm={() => void saveCapacity()} onClose={() => setDialog(null)}>
          <Text className="registrations-admin__dialog-text">
            {`当前名额 ${capacity}，已报名 ${counters.seatsTaken} ${unit}，候补 ${counters.waitlistCount} ${unit}。调低名额不会取消任何已报名者；调高名额会按顺序从候补名单递补。`}
          </Text>
          <View className="registrations-admin__capacity-row">
            <Text className="registrations-admin__capacity-label">{isTeam ? '新的队数' : '新的名额'}</Text>
            <Input
              className={`${formInputClass} registrations-admin__capacity-input`}
              type="number"
              value={capacityText}
              onInput={(change) => setCapacityText(change.detail.value)}
            />
            <Text className="registrations-admin__capacity-unit">{unit}</Text>
          </View>
          <Text className={`registrations-admin__effect${capacityProblem ? ' registrations-admin__effect--invalid' : ''}`}>
            {capacityProblem ?? (nextCapacity === null ? '' : capacityEffect(counters, capacity, nextCapacity, isTeam, event.waitlistMode))}
          </Text>
        </Dialog>
      )}

      {dialog === 'check' && (
        <Dialog className="check-dialog" title="核对名额" confirmText="知道了" busy={busy && check === null} onClose={() => setDialog(null)}>
          {!check ? (
            <Text className="registrations-admin__dialog-text">正在逐条核对报名记录…</Text>
          ) : check.consistent ? (
            <View>
              <Text className="registrations-admin__verdict registrations-admin__verdict--ok">名额记录一致</Text>
              <Text className="registrations-admin__dialog-text">
                {`已报名 ${check.counted.seatsTaken}，候补 ${check.counted.waitlistCount}，待确认 ${check.counted.openOffers}，待审核 ${check.counted.pendingCount}，与报名记录逐条统计的结果相同。`}
              </Text>
            </View>
          ) : (
            <View>
              <Text className="registrations-admin__verdict registrations-admin__verdict--bad">名额记录与报名记录不一致</Text>
              <View className="registrations-admin__diff registrations-admin__diff--head">
                <Text className="registrations-admin__diff-label">项目</Text>
                <Text className="registrations-admin__diff-value">活动记录</Text>
                <Text className="registrations-admin__diff-value">实际统计</Text>
              </View>
              {counterDifferences(check).map((difference) => (
                <View key={difference.label} className="registrations-admin__diff">
                  <Text className="registrations-admin__diff-label">{difference.label}</Text>
                  <Text className="registrations-admin__diff-value">{difference.stored}</Text>
                  <Text className="registrations-admin__diff-value">{difference.counted}</Text>
                </View>
              ))}
              <Text className="registrations-admin__dialog-text">请截图保留此结果并联系技术支持。</Text>
            </View>
          )}
          {check && check.repairedSlots > 0 && (
            <Text className="registrations-admin__dialog-text">{`已归还 ${check.repairedSlots} 个因报名中断而占用的编号。`}</Text>
          )}
          {check && check.repairedTeamPlaces > 0 && (
            <Text className="registrations-admin__dialog-text">{`已释放 ${check.repairedTeamPlaces} 个因入队中断而占用的队伍名额。`}</Text>
          )}
        </Dialog>
      )}
    </View>
  );
}

export default function RegistrationsAdminPage() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const load = useCallback(() => call('events', 'get', { id: eventId }), [eventId]);
  const remote = useRemote(load);

  if (!remote.data) {
    const refusal = remote.error && organizerRefusal(remote.error.code);
    return (
      <View className="page">
        {refusal ? (
          <EmptyState mark="限" title={refusal.title} hint={refusal.hint} />
        ) : remote.error?.code === 'NOT_FOUND' || remote.error?.code === 'VALIDATION_FAILED' ? (
          <EmptyState mark="无" title="活动不存在或已被删除" hint="请回到活动管理重新选择。" />
        ) : remote.error ? (
          <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} />
        ) : (
          <LoadingSkeleton cards={3} />
        )}
      </View>
    );
  }
  return <RegistrationsAdmin event={remote.data} />;
}
