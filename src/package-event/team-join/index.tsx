import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { MyRegistration } from '../../../cloudfunctions/shared/contract/registrations';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import FormField, { formInputClass } from '../../components/form-field';
import LoadingSkeleton from '../../components/loading-skeleton';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { signupAvailability } from '../../utils/event-display';
import { type Refusal, isActiveRegistration, registrationBadge, signupOutcome } from '../../utils/registration-display';
import { type SignupDraft, type SignupErrors, mergeErrors, signupDraftFrom, validateSignup } from '../../utils/signup-form';
import { inviteCodeFormatMessage, inviteCodeFrom } from '../../utils/team-invite';
import { formatEventTime } from '../../utils/time';
import OutcomePanel from '../components/outcome-panel';
import SignupForm from '../components/signup-form';
import { submitSignup } from '../components/signup-form/submit';
import { backToEvent, eventDetailUrl, openMyRegistrations, openProfile } from '../event-navigation';
import './index.scss';

const noErrors: SignupErrors = { answers: {} };

function CodeEntry({ initial, message, onLookup }: { initial: string; message: string; onLookup: (code: string) => void }) {
  const [typed, setTyped] = useState(initial);
  const [error, setError] = useState(message);
  const lookup = () => {
    const code = inviteCodeFrom(typed);
    if (code) onLookup(code);
    else setError(inviteCodeFormatMessage);
  };
  return (
    <View className="team-join team-join--entry">
      <Text className="team-join__intro">输入队长发给你的 6 位邀请码，或直接粘贴邀请链接。</Text>
      <View className="team-join__card">
        <FormField label="邀请码" error={error}>
          <Input
            className={`${formInputClass} team-join__code-input`}
            value={typed}
            maxlength={200}
            placeholder="6 位邀请码"
            onInput={(event) => {
              setTyped(event.detail.value);
              setError('');
            }}
            onConfirm={lookup}
          />
        </FormField>
      </View>
      <View className="btn btn--primary team-join__lookup" hoverClass="btn--pressed" onClick={lookup}>
        查看队伍
      </View>
    </View>
  );
}

export default function TeamJoinPage() {
  const { params } = useRouter();
  const [code, setCode] = useState(() => inviteCodeFrom(params.code ?? '') ?? '');
  const load = useCallback(async () => {
    const preview = await call('events', 'teamByCode', { inviteCode: code });
    const [event, me, mine] = await Promise.all([
      call('events', 'get', { id: preview.eventId }),
      call('members', 'me', {}),
      call('events', 'myRegistration', { eventId: preview.eventId }).catch(() => null),
    ]);
    return { preview, event, me, mine };
  }, [code]);
  const lookupLoad = useCallback(() => (code ? load() : Promise.resolve(null)), [code, load]);
  const remote = useRemote(lookupLoad);
  const [typed, setTyped] = useState<SignupDraft | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<SignupErrors>(noErrors);
  const [joining, setJoining] = useState(false);
  const [result, setResult] = useState<MyRegistration | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current && !result && code) void remote.reload();
    shownBefore.current = true;
  });

  const enterAnotherCode = () => {
    setRefusal(null);
    setCode('');
  };

  if (!code) {
    return <CodeEntry initial={params.code ?? ''} message={params.code ? inviteCodeFormatMessage : ''} onLookup={setCode} />;
  }

  if (!remote.data) {
    if (remote.error?.code === 'TEAM_NOT_FOUND' || remote.error?.code === 'VALIDATION_FAILED') {
      return <CodeEntry initial={code} message={remote.error.message} onLookup={setCode} />;
    }
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }

  const { preview, event, me, mine } = remote.data;
  const header = (
    <View className="team-join__preview">
      <Text className="team-join__invited">邀请你加入队伍</Text>
      <Text className="team-join__team">{preview.teamName}</Text>
      <Text className="team-join__captain">
        队长 {preview.captainName} · 已有 {preview.size}/{preview.maxSize} 人（满 {preview.minSize} 人确认参赛）
      </Text>
      <View className="team-join__event">
        <Text className="team-join__event-title">{preview.eventTitle}</Text>
        <Text className="team-join__event-time">{formatEventTime(event.startAt, event.endAt)}</Text>
        <Text className="team-join__event-time">{event.venue.name}</Text>
      </View>
    </View>
  );

  if (result) {
    const outcome = signupOutcome(result, 'joinTeam');
    return (
      <View className="team-join signup-result">
        <OutcomePanel
          mark="✓"
          tone={outcome.tone}
          title={outcome.title}
          hint={outcome.hint}
          actions={[
            { text: '查看报名状态', primary: true, onClick: () => backToEvent(preview.eventId) },
            { text: '我的报名', onClick: openMyRegistrations },
          ]}
        >
          {header}
        </OutcomePanel>
      </View>
    );
  }

  if (refusal) {
    const actions =
      refusal.next === 'otherCode'
        ? [
            { text: '重新输入邀请码', primary: true, onClick: enterAnotherCode },
            { text: '查看活动', onClick: () => void Taro.redirectTo({ url: eventDetailUrl(preview.eventId) }) },
          ]
        : [{ text: refusal.next === 'myRegistration' ? '查看当前报名状态' : '查看活动', primary: true, onClick: () => backToEvent(preview.eventId) }];
    return (
      <View className="team-join signup-refusal">
        <OutcomePanel mark="!" tone="brand" title={refusal.title} hint={refusal.hint} actions={actions}>
          {header}
        </OutcomePanel>
      </View>
    );
  }

  if (!me.profile || me.privacyAcceptedVersion !== me.currentPrivacyVersion) {
    return (
      <View className="page">
        {header}
        <EmptyState mark="资" title="请先完善资料" hint="加入队伍前需要同意隐私保护指引并填写姓名、手机号等基本资料。" actionText="去完善资料" onAction={openProfile} />
      </View>
    );
  }

  if (mine && isActiveRegistration(mine.status)) {
    const inThisTeam = mine.team?.inviteCode === code;
    return (
      <View className="team-join signup-refusal">
        <OutcomePanel
          mark="✓"
          tone={registrationBadge(mine).tone}
          title={inThisTeam ? '你已在该队伍中' : '你已报名该活动'}
          hint={inThisTeam ? '无需重复加入，可在活动页面查看队伍。' : `当前状态：${registrationBadge(mine).text}。一个人在同一活动中只能参加一支队伍。`}
          actions={[{ text: '查看当前报名状态', primary: true, onClick: () => backToEvent(preview.eventId) }]}
        >
          {header}
        </OutcomePanel>
      </View>
    );
  }

  const availability = signupAvailability(event, new Date());
  const teamFull = preview.size >= preview.maxSize;
  if (!availability.open || teamFull) {
    return (
      <View className="team-join signup-refusal">
        <OutcomePanel
          mark="!"
          tone="muted"
          title={teamFull ? '队伍人数已满' : availability.open ? '' : availability.reason}
          hint={teamFull ? '该队伍已满员，可以联系队长，或加入其他队伍。' : '当前不在报名时间内，无法加入队伍。'}
          actions={[
            { text: '查看活动', primary: true, onClick: () => void Taro.redirectTo({ url: eventDetailUrl(preview.eventId) }) },
            ...(teamFull ? [{ text: '输入其他邀请码', onClick: enterAnotherCode }] : []),
          ]}
        >
          {header}
        </OutcomePanel>
      </View>
    );
  }

  const draft = typed ?? signupDraftFrom(me.profile);
  const errors = mergeErrors(submitted ? validateSignup(draft, event.questions, false) : noErrors, serverErrors);

  const change = (next: SignupDraft) => {
    setTyped(next);
    setServerErrors(noErrors);
  };

  const join = () =>
    submitSignup({ draft, questions: event.questions, askTeamName: false, setSubmitted, setBusy: setJoining, setServerErrors, setRefusal }, async ({ contact, answers }) => {
      setResult(await call('events', 'joinTeam', { inviteCode: code, contact, answers }));
    });

  return (
    <View className="team-join">
      {header}
      <SignupForm questions={event.questions} draft={draft} errors={errors} askTeamName={false} onChange={change} />
      <View className="team-join__actions">
        <View
          className={`btn btn--primary signup-submit${joining ? ' signup-submit--busy' : ''}`}
          hoverClass={joining ? 'none' : 'btn--pressed'}
          onClick={joining ? undefined : () => void join()}
        >
          {joining ? '正在加入…' : '加入队伍'}
        </View>
      </View>
    </View>
  );
}
