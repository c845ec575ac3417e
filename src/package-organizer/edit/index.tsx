import { Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import type { EventDetail } from '../../../cloudfunctions/shared/contract/events';
import {
  type EventKind,
  eventKindLabels,
  eventKinds,
  eventStatusLabels,
  type WaitlistMode,
  waitlistModeLabels,
  waitlistModes,
} from '../../../cloudfunctions/shared/contract/vocabulary';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import FormField, { formInputClass } from '../../components/form-field';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { useRemote } from '../../hooks/use-remote';
import { useSubmitting } from '../../hooks/use-submitting';
import { call, toApiError } from '../../services/api';
import { formatDateTime } from '../../utils/time';
import { shiftDays } from '../../utils/wall-clock';
import { pickerLabel } from '../../utils/managed-orgs';
import { newRequestId } from '../../utils/request-id';
import ChoiceChips from '../components/choice-chips';
import { eventLimits } from '../../../cloudfunctions/shared/contract/event-limits';
import Dialog from '../components/dialog';
import GuestEditor from '../components/guest-editor';
import QuestionEditor from '../components/question-editor';
import ScheduleEditor from '../components/schedule-editor';
import WallClockPicker from '../components/wall-clock-picker';
import {
  blankEventForm,
  checkEventForm,
  copiedEventForm,
  differsFrom,
  type EventForm,
  formFieldOf,
  formFromEvent,
  type FormProblem,
  toEventFields,
  withTeam,
} from '../helpers/event-form';
import { forbidden, organizerRefusal } from '../helpers/refusal';
import { type OrganizerAccess, useOrganizerAccess } from '../../hooks/use-organizer-access';
import './index.scss';

const kindOptions = eventKinds.map((kind) => ({ value: kind, label: eventKindLabels[kind] }));
const waitlistOptions = waitlistModes.map((mode) => ({ value: mode, label: waitlistModeLabels[mode] }));
const cancelReasonLimit = 200;

type Busy = 'saving' | 'publishing' | 'closing' | 'cancelling';

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none' });
}

function Section({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <View className="event-editor__section">
      <View className="event-editor__section-head">
        <Text className="event-editor__section-title">{title}</Text>
        {note && <Text className="event-editor__section-note">{note}</Text>}
      </View>
      <View className="event-editor__card">{children}</View>
    </View>
  );
}

/** A label above its control, for text areas and controls too wide to share a row with a label. */
function StackedField({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <View className={`event-editor__stacked${error ? ' event-editor__stacked--invalid' : ''}`}>
      <Text className="event-editor__stacked-label">{label}</Text>
      {children}
      {error ? <Text className="event-editor__error">{error}</Text> : hint ? <Text className="event-editor__hint">{hint}</Text> : null}
    </View>
  );
}

interface EditorProps {
  event: EventDetail | null;
  /** For a new event: the event it copies, if any. */
  copyOf: EventDetail | null;
  access: OrganizerAccess;
  now: Date;
  onSaved: (event: EventDetail) => void;
}

/** The organisation a new event is hosted by: the copied event's host when the caller organizes it, else their first. */
function newEventHost(access: OrganizerAccess, copyOf: EventDetail | null): string {
  const copiedHost = copyOf?.hosts[0]?.id;
  return access.hostOrgs.find((org) => org.id === copiedHost)?.id ?? access.hostOrgs[0]?.id ?? '';
}

function EventEditor({ event, copyOf, access, now, onSaved }: EditorProps) {
  const base = useMemo(() => {
    if (event) return formFromEvent(event);
    const orgId = newEventHost(access, copyOf);
    return copyOf ? copiedEventForm(copyOf, orgId, now) : blankEventForm(orgId, now);
  }, [event, copyOf, access, now]);
  const [typed, setTyped] = useState<EventForm | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [serverProblem, setServerProblem] = useState<FormProblem | null>(null);
  const [busy, submit] = useSubmitting<Busy>();
  // One per new event: a create retried after a lost answer makes the same event, not a second one.
  const [createRequestId] = useState(() => newRequestId());
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState('');

  const form = typed ?? base;
  const creating = event === null;
  const ended = event !== null && now.getTime() >= Date.parse(event.endAt);
  const editable = event === null || (event.status !== 'cancelled' && !ended);
  const dirty = creating || differsFrom(form, base);
  // The event rules freeze team and approval settings once anyone has signed up.
  const signedUp = event !== null && event.seatsTaken + event.waitlistCount + event.pendingCount + event.openOffers > 0;
  const problems = checkEventForm(form, now, creating);
  const problemOf = (field: string) =>
    (showProblems ? problems.find((problem) => problem.field === field)?.message : undefined) ?? (serverProblem?.field === field ? serverProblem.message : undefined);
  const unit = form.team ? '队' : '人';

  const edit = (patch: Partial<EventForm>) => {
    setTyped({ ...form, ...patch });
    setServerProblem(null);
  };

  const save = async (): Promise<EventDetail | null> => {
    setShowProblems(true);
    if (problems.length > 0) {
      toast(problems[0].message);
      return null;
    }
    if (event && !dirty) return event;
    // Stays null when the save fails, or when a save already in flight made this call a no-op.
    let saved = null as EventDetail | null;
    await submit(async () => {
      try {
        const fields = toEventFields(form);
        saved = event ? await call('events', 'update', { id: event.id, fields }) : await call('events', 'create', { orgId: form.orgId, requestId: createRequestId, fields });
        setShowProblems(false);
        setServerProblem(null);
        setTyped(null);
        onSaved(saved);
      } catch (failure) {
        const error = toApiError(failure);
        const field = error.code === 'VALIDATION_FAILED' ? formFieldOf(error.field, form) : null;
        setServerProblem({ field: field ?? '', message: error.message });
        toast(error.message);
      }
    }, 'saving');
    return saved;
  };

  const saveOnly = async () => {
    if (await save()) void Taro.showToast({ title: creating ? '草稿已保存' : '已保存', icon: 'success' });
  };

  const runStatusAction = (kind: Busy, action: () => Promise<EventDetail>, done: string) =>
    submit(async () => {
      try {
        onSaved(await action());
        void Taro.showToast({ title: done, icon: 'success' });
      } catch (failure) {
        toast(toApiError(failure).message);
      }
    }, kind);

  const publish = async () => {
    const saved = await save();
    if (!saved) return;
    const { confirm } = await Taro.showModal({
      title: '发布活动',
      content: `发布后会员即可在活动页看到并报名，报名时间为 ${formatDateTime(saved.signupOpensAt, now)} 至 ${formatDateTime(saved.signupClosesAt, now)}。`,
      confirmText: '发布',
      confirmColor: '#C8102E',
      cancelText: '再看看',
    });
    if (confirm) await runStatusAction('publishing', () => call('events', 'publish', { id: saved.id }), '已发布');
  };

  const closeSignup = async () => {
    if (!event) return;
    const { confirm } = await Taro.showModal({
      title: '截止报名',
      content: '立即截止报名后，会员不能再报名或进入候补；已报名和候补中的会员不受影响。',
      confirmText: '截止报名',
      confirmColor: '#C8102E',
      cancelText: '暂不',
    });
    if (confirm) await runStatusAction('closing', () => call('events', 'closeSignup', { id: event.id }), '报名已截止');
  };

  const cancelEvent = async () => {
    if (!event) return;
    const message = cancelReason.trim();
    if (!message) {
      toast('请填写取消原因');
      return;
    }
    await submit(async () => {
      try {
        const result = await call('events', 'cancelEvent', { id: event.id, message });
        setCancelling(false);
        onSaved(result);
        void Taro.showModal({
          title: '活动已取消',
          content: result.registrationsCancelled > 0 ? `已取消 ${result.registrationsCancelled} 个报名，并通知了相关会员。` : '该活动没有报名，无需通知会员。',
          showCancel: false,
          confirmText: '知道了',
        });
      } catch (failure) {
        toast(toApiError(failure).message);
      }
    }, 'cancelling');
  };

  const openRegistrations = () => {
    if (event) void Taro.navigateTo({ url: `/package-organizer/registrations/index?eventId=${event.id}` });
  };

  const openSummary = () => {
    if (event) void Taro.navigateTo({ url: `/package-organizer/summary/index?id=${event.id}` });
  };

  const hostIndex = Math.max(0, access.hostOrgs.findIndex((org) => org.id === form.orgId));
  const hostName = event?.hosts[0]?.name ?? access.hostOrgs[hostIndex]?.name ?? '';
  const orgNames = new Map(access.allOrgs.map((org) => [org.id, org.name]));
  const coHostCandidates = access.allOrgs.filter((org) => org.id !== form.orgId && !form.coHostOrgIds.includes(org.id));
  const coHostName = (orgId: string) => orgNames.get(orgId) ?? event?.hosts.find((org) => org.id === orgId)?.name ?? '未知组织';
  const unplacedProblem = serverProblem && !serverProblem.field ? serverProblem.message : null;
  const isBusy = busy !== false;

  return (
    <View className="event-editor">
      <View className="event-editor__status">
        {event ? (
          <View className="event-editor__status-main">
            <View className="event-editor__status-tags">
              <Tag text={eventStatusLabels[event.status]} tone={event.status === 'published' ? 'success' : 'muted'} solid={event.status === 'published'} />
              {ended && <Tag text="已结束" tone="muted" />}
              {dirty && editable && <Tag text="有未保存的修改" tone="warning" />}
            </View>
            <Text className="event-editor__status-text">{`已报名 ${event.seatsTaken}/${event.capacity} ${event.team ? '队' : '人'}${event.waitlistCount > 0 ? `，候补 ${event.waitlistCount}` : ''}${event.pendingCount > 0 ? `，待审核 ${event.pendingCount}` : ''}`}</Text>
          </View>
        ) : (
          <View className="event-editor__status-main">
            <Text className="event-editor__status-title">{copyOf ? '复制活动' : '新建活动'}</Text>
            <Text className="event-editor__status-text">
              {copyOf
                ? `已按「${copyOf.title}」填好设置，时间顺延到之后的同一星期几；请核对名称和时间，保存为草稿后再发布。`
                : '先保存为草稿，检查无误后再发布；发布前会员看不到。'}
            </Text>
          </View>
        )}
        {event && event.status !== 'draft' && (
          <View className="event-editor__status-link" hoverClass="btn--pressed" onClick={openRegistrations}>
            报名管理 ›
          </View>
        )}
      </View>

      {!editable && (
        <Text className="event-editor__banner">{event?.status === 'cancelled' ? '活动已取消，不能再修改。' : '活动已结束，不能再修改。'}</Text>
      )}
      {unplacedProblem && <Text className="event-editor__banner">{unplacedProblem}</Text>}

      <View className={`event-editor__body${editable ? '' : ' event-editor__body--readonly'}`}>
        <Section title="基本信息">
          <FormField label="主办组织" error={problemOf('orgId')} hint={creating ? undefined : '创建后不能更改主办组织'}>
            {creating && access.hostOrgs.length > 1 ? (
              <Picker mode="selector" range={access.hostOrgs.map(pickerLabel)} value={hostIndex} onChange={(change) => edit({ orgId: access.hostOrgs[Number(change.detail.value)].id })}>
                <View className="form-field__picker">
                  <Text>{hostName}</Text>
                  <Text className="form-field__caret">›</Text>
                </View>
              </Picker>
            ) : (
              <Text className="event-editor__static">{hostName}</Text>
            )}
          </FormField>
          <FormField label="活动名称" error={problemOf('title')}>
            <Input className={formInputClass} value={form.title} maxlength={eventLimits.title + 20} placeholder="如：陆家嘴金融城青年论坛" onInput={(change) => edit({ title: change.detail.value })} />
          </FormField>
          <StackedField label="活动类型" error={problemOf('kind')}>
            <ChoiceChips<EventKind> options={kindOptions} value={form.kind} onChange={(kind) => edit({ kind })} />
          </StackedField>
          <StackedField label="活动介绍" error={problemOf('description')} hint={`${form.description.trim().length}/${eventLimits.description}`}>
            <Textarea
              className="event-editor__textarea"
              value={form.description}
              maxlength={-1}
              autoHeight
              placeholder="活动的主题、嘉宾、适合谁参加"
              onInput={(change) => edit({ description: change.detail.value })}
            />
          </StackedField>
        </Section>

        <Section title="时间地点" note="均为北京时间">
          <FormField label="场地名称" error={problemOf('venue.name')}>
            <Input className={formInputClass} value={form.venueName} maxlength={eventLimits.venueName + 20} placeholder="如：浦东新区党群服务中心" onInput={(change) => edit({ venueName: change.detail.value })} />
          </FormField>
          <FormField label="地址" error={problemOf('venue.address')}>
            <Input className={formInputClass} value={form.venueAddress} maxlength={eventLimits.venueAddress + 20} placeholder="选填" onInput={(change) => edit({ venueAddress: change.detail.value })} />
          </FormField>
          <FormField label="开始" error={problemOf('startAt')}>
            <WallClockPicker value={form.times.startAt} onChange={(startAt) => edit({ times: { ...form.times, startAt } })} />
          </FormField>
          <FormField label="结束" error={problemOf('endAt')}>
            <WallClockPicker value={form.times.endAt} onChange={(endAt) => edit({ times: { ...form.times, endAt } })} />
          </FormField>
        </Section>

        <Section title="报名设置">
          <FormField label="报名开始" error={problemOf('signupOpensAt')}>
            <WallClockPicker value={form.times.signupOpensAt} onChange={(signupOpensAt) => edit({ times: { ...form.times, signupOpensAt } })} />
          </FormField>
          <FormField label="报名截止" error={problemOf('signupClosesAt')}>
            <WallClockPicker value={form.times.signupClosesAt} onChange={(signupClosesAt) => edit({ times: { ...form.times, signupClosesAt } })} />
          </FormField>
          <FormField label="取消截止" error={problemOf('cancellationDeadline')} hint={form.cancellationDeadline ? '过了这个时间，会员不能再自行取消报名' : '选填：限定会员自行取消报名的最晚时间'}>
            <View className="event-editor__switch-row">
              <Switch
                checked={form.cancellationDeadline !== null}
                color="#C8102E"
                onChange={(change) => edit({ cancellationDeadline: change.detail.value ? shiftDays(form.times.startAt, -1) : null })}
              />
            </View>
          </FormField>
          {form.cancellationDeadline && (
            <FormField label="截止于">
              <WallClockPicker value={form.cancellationDeadline} onChange={(cancellationDeadline) => edit({ cancellationDeadline })} />
            </FormField>
          )}
          <FormField label={form.team ? '队数' : '名额'} error={problemOf('capacity')} hint={form.team ? '组队活动按队计算名额，一队占一个名额' : event ? '已发布后也可在报名管理中调整名额' : undefined}>
            <View className="event-editor__number">
              <Input className={`${formInputClass} event-editor__number-input`} type="number" value={form.capacity} placeholder="50" onInput={(change) => edit({ capacity: change.detail.value })} />
              <Text className="event-editor__unit">{unit}</Text>
            </View>
          </FormField>
          <FormField label="需要审核" error={problemOf('requiresApproval')} hint={signedUp ? '已有人报名，不能再更改' : '开启后，报名需组织者审核通过'}>
            <View className="event-editor__switch-row">
              <Switch checked={form.requiresApproval} disabled={signedUp} color="#C8102E" onChange={(change) => edit({ requiresApproval: change.detail.value })} />
            </View>
          </FormField>
          <FormField label="仅限会员" error={problemOf('membersOnly')} hint="开启后，仅主办组织的会员可以报名">
            <View className="event-editor__switch-row">
              <Switch checked={form.membersOnly} color="#C8102E" onChange={(change) => edit({ membersOnly: change.detail.value })} />
            </View>
          </FormField>
          <StackedField
            label="候补方式"
            error={problemOf('waitlistMode')}
            hint={form.waitlistMode === 'auto' ? '有人取消时，排在最前的候补者自动获得名额' : '有人取消时，通知排在最前的候补者在时限内确认，逾期依次顺延'}
          >
            <ChoiceChips<WaitlistMode> options={waitlistOptions} value={form.waitlistMode} onChange={(waitlistMode) => edit({ waitlistMode })} />
          </StackedField>
          {form.waitlistMode === 'offer' && (
            <FormField label="确认时限" error={problemOf('offerHours')}>
              <View className="event-editor__number">
                <Input className={`${formInputClass} event-editor__number-input`} type="number" value={form.offerHours} placeholder="24" onInput={(change) => edit({ offerHours: change.detail.value })} />
                <Text className="event-editor__unit">小时</Text>
              </View>
            </FormField>
          )}
          <FormField label="组队报名" hint={signedUp ? '已有人报名，不能再更改组队设置' : '开启后，队长创建队伍并邀请队员，一队占一个名额'}>
            <View className="event-editor__switch-row">
              <Switch checked={form.team !== null} disabled={signedUp} color="#C8102E" onChange={(change) => edit(withTeam(form, change.detail.value))} />
            </View>
          </FormField>
          {form.team && (
            <FormField label="每队人数" error={problemOf('team.minSize') ?? problemOf('team.maxSize')} hint={`${eventLimits.teamSize.min}–${eventLimits.teamSize.max} 人；达到最少人数即报名成功`}>
              <View className="event-editor__number">
                <Input
                  className={`${formInputClass} event-editor__team-input`}
                  type="number"
                  disabled={signedUp}
                  value={form.team.minSize}
                  placeholder="最少"
                  onInput={(change) => form.team && edit({ team: { ...form.team, minSize: change.detail.value } })}
                />
                <Text className="event-editor__unit">至</Text>
                <Input
                  className={`${formInputClass} event-editor__team-input`}
                  type="number"
                  disabled={signedUp}
                  value={form.team.maxSize}
                  placeholder="最多"
                  onInput={(change) => form.team && edit({ team: { ...form.team, maxSize: change.detail.value } })}
                />
                <Text className="event-editor__unit">人</Text>
              </View>
            </FormField>
          )}
        </Section>

        <View className="event-editor__section">
          <View className="event-editor__section-head">
            <Text className="event-editor__section-title">{`报名问题 · ${form.questions.length}`}</Text>
            <Text className="event-editor__section-note">姓名和手机号会自动填写</Text>
          </View>
          {problemOf('questions') && <Text className="event-editor__error">{problemOf('questions')}</Text>}
          <QuestionEditor questions={form.questions} onChange={(questions) => edit({ questions })} problemOf={problemOf} />
        </View>

        <Section title="活动日程" note={problemOf('schedule')}>
          <ScheduleEditor schedule={form.schedule} onChange={(schedule) => edit({ schedule })} problemOf={problemOf} />
        </Section>

        <Section title={`嘉宾 · ${form.guests.length}`} note={problemOf('guests') ?? `选填，最多 ${eventLimits.guests} 位`}>
          <GuestEditor guests={form.guests} onChange={(guests) => edit({ guests })} problemOf={problemOf} />
        </Section>

        <Section title="协办组织" note={`选填，最多 ${eventLimits.coHosts} 个`}>
          <View className="event-editor__cohosts">
            {form.coHostOrgIds.length === 0 && <Text className="event-editor__hint">没有协办组织。</Text>}
            {form.coHostOrgIds.map((orgId) => (
              <View key={orgId} className="event-editor__cohost">
                <Text className="event-editor__cohost-name">{coHostName(orgId)}</Text>
                <Text className="event-editor__cohost-remove" onClick={() => edit({ coHostOrgIds: form.coHostOrgIds.filter((id) => id !== orgId) })}>
                  ✕
                </Text>
              </View>
            ))}
          </View>
          {form.coHostOrgIds.length < eventLimits.coHosts && coHostCandidates.length > 0 && (
            <Picker
              mode="selector"
              range={coHostCandidates.map((org) => org.name)}
              value={0}
              onChange={(change) => edit({ coHostOrgIds: [...form.coHostOrgIds, coHostCandidates[Number(change.detail.value)].id] })}
            >
              <View className="event-editor__add-cohost">＋ 添加协办组织</View>
            </Picker>
          )}
          {problemOf('coHostOrgIds') && <Text className="event-editor__error">{problemOf('coHostOrgIds')}</Text>}
        </Section>

        {event && editable && (
          <Section title="活动状态">
            <View className="event-editor__state">
              <Text className="event-editor__state-text">
                {event.status === 'draft'
                  ? '草稿尚未发布，会员看不到。'
                  : event.status === 'published'
                    ? `报名中，${formatDateTime(event.signupClosesAt, now)} 截止。`
                    : '报名已截止，会员不能再报名。'}
              </Text>
              <View className="event-editor__state-actions">
                {event.status === 'published' && (
                  <View className="btn btn--ghost event-editor__state-button event-editor__close" hoverClass="btn--pressed" onClick={isBusy ? undefined : () => void closeSignup()}>
                    {busy === 'closing' ? '正在截止…' : '截止报名'}
                  </View>
                )}
                <View
                  className="btn btn--plain event-editor__state-button event-editor__cancel"
                  hoverClass="btn--pressed"
                  onClick={isBusy ? undefined : () => {
                    setCancelReason('');
                    setCancelling(true);
                  }}
                >
                  取消活动
                </View>
              </View>
            </View>
          </Section>
        )}
      </View>

      <View className="event-editor__bar">
        <View className="event-editor__bar-inner">
          {editable && (
            <View className={`btn btn--ghost event-editor__action event-editor__save${isBusy ? ' event-editor__action--busy' : ''}`} hoverClass="btn--pressed" onClick={isBusy ? undefined : () => void saveOnly()}>
              {busy === 'saving' ? '正在保存…' : creating || event?.status === 'draft' ? '保存草稿' : '保存修改'}
            </View>
          )}
          {editable && (creating || event?.status === 'draft') ? (
            <View className={`btn btn--primary event-editor__action event-editor__publish${isBusy ? ' event-editor__action--busy' : ''}`} hoverClass="btn--pressed" onClick={isBusy ? undefined : () => void publish()}>
              {busy === 'publishing' ? '正在发布…' : '发布'}
            </View>
          ) : event ? (
            <View className="btn btn--primary event-editor__action" hoverClass="btn--pressed" onClick={openRegistrations}>
              报名管理
            </View>
          ) : null}
          {event && ended && (event.status === 'published' || event.status === 'closed') && (
            <View className="btn btn--ghost event-editor__action event-editor__summary" hoverClass="btn--pressed" onClick={openSummary}>
              活动回顾
            </View>
          )}
        </View>
      </View>

      {cancelling && event && (
        <Dialog
          className="cancel-dialog"
          title="取消活动"
          confirmText="确认取消活动"
          danger
          busy={busy === 'cancelling'}
          onConfirm={() => void cancelEvent()}
          onClose={() => setCancelling(false)}
        >
          <Text className="event-editor__dialog-text">
            {`取消后，所有报名（已报名 ${event.seatsTaken}${event.team ? ' 队' : ' 人'}、候补 ${event.waitlistCount}、待审核 ${event.pendingCount}）都将被取消，并通知相关会员。此操作不能撤销。`}
          </Text>
          <Textarea
            className="event-editor__reason"
            value={cancelReason}
            maxlength={cancelReasonLimit}
            placeholder="取消原因（会发送给报名者），如：因天气原因活动取消"
            onInput={(change) => setCancelReason(change.detail.value)}
          />
          <Text className="event-editor__reason-count">{`${cancelReason.trim().length}/${cancelReasonLimit}`}</Text>
        </Dialog>
      )}
    </View>
  );
}

export default function EventEditorPage() {
  const { params } = useRouter();
  // `id` edits that event; `copyFrom` starts a new one from it; neither starts a blank one.
  const eventId = params.id ?? '';
  const copyFromId = eventId ? '' : (params.copyFrom ?? '');
  const access = useOrganizerAccess();
  const loadEvent = useCallback(() => {
    const shown = eventId || copyFromId;
    return shown ? call('events', 'get', { id: shown }) : Promise.resolve(null);
  }, [eventId, copyFromId]);
  const remote = useRemote(loadEvent);
  // The event as the last save, publish, close or cancel answered it.
  const [saved, setSaved] = useState<EventDetail | null>(null);
  const [now] = useState(() => new Date());
  const event = saved ?? (eventId ? remote.data : null);
  const copyOf = copyFromId ? remote.data : null;

  const onSaved = useCallback((next: EventDetail) => {
    setSaved(next);
    void Taro.setNavigationBarTitle({ title: '编辑活动' });
  }, []);

  const failure = access.error ?? remote.error;
  if (failure) {
    const refusal = organizerRefusal(failure.code);
    return (
      <View className="page">
        {refusal ? (
          <EmptyState mark="限" title={refusal.title} hint={refusal.hint} />
        ) : failure.code === 'NOT_FOUND' || failure.code === 'VALIDATION_FAILED' ? (
          <EmptyState mark="无" title="活动不存在或已被删除" hint="请回到活动管理重新选择。" />
        ) : (
          <ErrorState message={failure.message} onRetry={() => void (access.error ? access.reload() : remote.reload())} />
        )}
      </View>
    );
  }
  if (!access.data || (eventId && !event) || (copyFromId && !copyOf)) {
    return (
      <View className="page">
        <LoadingSkeleton cards={3} />
      </View>
    );
  }
  if (!event && access.data.hostOrgs.length === 0) {
    return (
      <View className="page">
        <EmptyState mark="限" title={forbidden.title} hint={forbidden.hint} />
      </View>
    );
  }
  return <EventEditor event={event} copyOf={saved ? null : copyOf} access={access.data} now={now} onSaved={onSaved} />;
}
