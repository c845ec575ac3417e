import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { EventDetail } from '../../../cloudfunctions/shared/contract/events';
import type { MyRegistration } from '../../../cloudfunctions/shared/contract/registrations';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { type Tone, isFull, signupAvailability } from '../../utils/event-display';
import { type Refusal, type SignupMode, isActiveRegistration, registrationBadge, signupOutcome } from '../../utils/registration-display';
import { newRequestId } from '../../utils/request-id';
import { type SignupDraft, type SignupErrors, mergeErrors, signupDraftFrom, validateSignup } from '../../utils/signup-form';
import { formatEventTime } from '../../utils/time';
import InviteCode from '../components/invite-code';
import OutcomePanel from '../components/outcome-panel';
import SignupForm from '../components/signup-form';
import { submitSignup } from '../components/signup-form/submit';
import { backToEvent, eventDetailUrl, openMyRegistrations, openProfile } from '../event-navigation';
import { useInviteShare } from '../use-invite-share';
import './index.scss';

const noErrors: SignupErrors = { answers: {} };
const outcomeMarks: Record<Tone, string> = { success: '✓', info: '审', warning: '候', brand: '待', muted: '·' };

function EventHeader({ event }: { event: EventDetail }) {
  return (
    <View className="signup__event">
      <Text className="signup__event-title">{event.title}</Text>
      <Text className="signup__event-time">{formatEventTime(event.startAt, event.endAt)}</Text>
      <Text className="signup__event-venue">{event.venue.name}</Text>
    </View>
  );
}

export default function SignupPage() {
  const { params } = useRouter();
  const eventId = params.id ?? '';
  const load = useCallback(async () => {
    const [event, me, mine] = await Promise.all([
      call('events', 'get', { id: eventId }),
      call('members', 'me', {}),
      // The current registration only steers the page; the sign-up itself answers ALREADY_REGISTERED anyway.
      call('events', 'myRegistration', { eventId }).catch(() => null),
    ]);
    return { event, me, mine };
  }, [eventId]);
  const remote = useRemote(load);
  const [typed, setTyped] = useState<SignupDraft | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<SignupErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  // One id per form: a double tap or a retry after a lost answer is the same sign-up.
  const [requestId] = useState(() => newRequestId());
  const [result, setResult] = useState<MyRegistration | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const event = remote.data?.event;
  const invite = result?.team?.inviteCode && event ? { code: result.team.inviteCode, teamName: result.team.name, eventTitle: event.title } : null;
  useInviteShare(invite, { title: event?.title ?? '活动报名', path: eventDetailUrl(eventId) });

  // Back from 完善资料: the profile may exist now.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current && !result) void remote.reload();
    shownBefore.current = true;
  });

  if (!remote.data || !event) {
    if (remote.error?.code === 'NOT_FOUND' || remote.error?.code === 'VALIDATION_FAILED') {
      return (
        <View className="page">
          <EmptyState mark="无" title="活动不存在或已被删除" hint="它可能已被主办方撤下，去看看其他活动吧。" actionText="返回活动列表" onAction={() => void Taro.switchTab({ url: '/pages/events/index' })} />
        </View>
      );
    }
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }

  const { me, mine } = remote.data;
  const mode: SignupMode = event.team ? 'createTeam' : 'signup';

  if (result) {
    const outcome = signupOutcome(result, mode);
    return (
      <View className="signup signup-result">
        <OutcomePanel
          mark={outcomeMarks[outcome.tone]}
          tone={outcome.tone}
          title={outcome.title}
          hint={outcome.hint}
          actions={[
            { text: '查看报名状态', primary: true, onClick: () => backToEvent(eventId) },
            { text: '我的报名', onClick: openMyRegistrations },
          ]}
        >
          <EventHeader event={event} />
          {result.team?.inviteCode && <InviteCode code={result.team.inviteCode} />}
        </OutcomePanel>
      </View>
    );
  }

  if (refusal) {
    const hostId = event.hosts[0]?.id;
    const actions =
      refusal.next === 'myRegistration'
        ? [{ text: '查看当前报名状态', primary: true, onClick: () => backToEvent(eventId) }]
        : refusal.next === 'hostOrg' && hostId
          ? [
              { text: '了解主办组织', primary: true, onClick: () => void Taro.navigateTo({ url: `/package-org/detail/index?id=${hostId}` }) },
              { text: '返回活动', onClick: () => backToEvent(eventId) },
            ]
          : [{ text: '返回活动', primary: true, onClick: () => backToEvent(eventId) }];
    return (
      <View className="signup signup-refusal">
        <OutcomePanel mark="!" tone="brand" title={refusal.title} hint={refusal.hint} actions={actions}>
          <EventHeader event={event} />
        </OutcomePanel>
      </View>
    );
  }

  if (!me.profile || me.privacyAcceptedVersion !== me.currentPrivacyVersion) {
    return (
      <View className="page">
        <EmptyState mark="资" title="请先完善资料" hint="报名前需要同意隐私保护指引并填写姓名、手机号等基本资料，报名时会自动带出。" actionText="去完善资料" onAction={openProfile} />
      </View>
    );
  }

  if (mine && isActiveRegistration(mine.status)) {
    const badge = registrationBadge(mine);
    return (
      <View className="signup signup-refusal">
        <OutcomePanel mark="✓" tone={badge.tone} title="你已报名该活动" hint="无需重复报名，可在活动页面查看报名状态。" actions={[{ text: '查看当前报名状态', primary: true, onClick: () => backToEvent(eventId) }]}>
          <EventHeader event={event} />
          <View className="signup__status">
            <Tag text={badge.text} tone={badge.tone} solid />
          </View>
        </OutcomePanel>
      </View>
    );
  }

  const availability = signupAvailability(event, new Date());
  if (!availability.open) {
    return (
      <View className="signup signup-refusal">
        <OutcomePanel mark="!" tone="muted" title={availability.reason} hint="当前不在报名时间内，请留意活动的报名时间。" actions={[{ text: '返回活动', primary: true, onClick: () => backToEvent(eventId) }]}>
          <EventHeader event={event} />
        </OutcomePanel>
      </View>
    );
  }

  const draft = typed ?? signupDraftFrom(me.profile);
  const askTeamName = mode === 'createTeam';
  const errors = mergeErrors(submitted ? validateSignup(draft, event.questions, askTeamName) : noErrors, serverErrors);
  const full = isFull(event);

  const change = (next: SignupDraft) => {
    setTyped(next);
    setServerErrors(noErrors);
  };

  const submit = () =>
    submitSignup({ draft, questions: event.questions, askTeamName, setSubmitted, setBusy: setSubmitting, setServerErrors, setRefusal }, async ({ contact, answers }) => {
      const registration =
        mode === 'createTeam'
          ? await call('events', 'createTeam', { eventId, requestId, teamName: draft.teamName.trim(), contact, answers })
          : await call('events', 'signup', { eventId, requestId, contact, answers });
      setResult(registration);
    });

  const submitText = submitting ? '正在提交…' : askTeamName ? '创建队伍并报名' : full ? '提交候补报名' : event.requiresApproval ? '提交报名，等待审核' : '提交报名';

  return (
    <View className="signup">
      <EventHeader event={event} />
      {full && !askTeamName && <Text className="signup__notice">名额已满，提交后将进入候补，有人取消时按顺序递补。</Text>}
      {event.requiresApproval && <Text className="signup__notice">该活动需主办方审核，审核通过后方可参加。</Text>}
      {askTeamName && event.team && (
        <Text className="signup__notice">
          以队伍报名，每队 {event.team.minSize}–{event.team.maxSize} 人，满 {event.team.minSize} 人即确认参赛。已有队伍？请向队长索要邀请链接。
        </Text>
      )}
      <SignupForm questions={event.questions} draft={draft} errors={errors} askTeamName={askTeamName} onChange={change} />
      <View className="signup__actions">
        <View
          className={`btn btn--primary signup-submit${submitting ? ' signup-submit--busy' : ''}`}
          hoverClass={submitting ? 'none' : 'btn--pressed'}
          onClick={submitting ? undefined : () => void submit()}
        >
          {submitText}
        </View>
      </View>
    </View>
  );
}
