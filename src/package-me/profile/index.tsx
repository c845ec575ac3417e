import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { MemberProfile } from '../../../cloudfunctions/shared/contract/members';
import { privacyNoticeVersion } from '../../../cloudfunctions/shared/contract/vocabulary';
import FormField, { formInputClass, SectorPicker } from '../../components/form-field';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import { useRemote } from '../../hooks/use-remote';
import { leavingPage, useSubmitting } from '../../hooks/use-submitting';
import { call, toApiError } from '../../services/api';
import { type ProfileDraft, type ProfileErrors, type ProfileField, validateProfile } from '../../utils/profile-validation';
import { requireWechatPrivacyAuthorize } from '../../utils/wechat-privacy';
import PrivacyConsent from '../privacy-consent';
import './index.scss';

const profileFields: ProfileField[] = ['name', 'mobile', 'sector', 'employer', 'title'];

function draftFrom(profile: MemberProfile | null): ProfileDraft {
  return {
    name: profile?.name ?? '',
    mobile: profile?.mobile ?? '',
    sector: profile?.sector ?? '',
    employer: profile?.employer ?? '',
    title: profile?.title ?? '',
  };
}

function leavePage() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/me/index' });
}

export default function ProfilePage() {
  const load = useCallback(() => call('members', 'me', {}), []);
  const remote = useRemote(load);
  // What the member has typed; until then the form shows the stored profile.
  const [typed, setTyped] = useState<ProfileDraft | null>(null);
  // Set once consent is given here; an empty string means the server asked for consent again.
  const [acceptedVersion, setAcceptedVersion] = useState<string | null>(null);
  const [accepting, submitAcceptance] = useSubmitting();
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<ProfileErrors>({});
  const [saving, submitProfile] = useSubmitting();

  if (!remote.data) {
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }

  const me = remote.data;
  const consented = (acceptedVersion ?? me.privacyAcceptedVersion) === me.currentPrivacyVersion;
  const draft = typed ?? draftFrom(me.profile);
  const errors: ProfileErrors = { ...(submitted ? validateProfile(draft) : {}), ...serverErrors };

  const accept = async () => {
    await submitAcceptance(async () => {
      try {
        if (!(await requireWechatPrivacyAuthorize())) {
          void Taro.showToast({ title: '需要同意微信隐私授权才能继续', icon: 'none' });
          return;
        }
        const result = await call('members', 'acceptPrivacy', { version: privacyNoticeVersion });
        setAcceptedVersion(result.privacyAcceptedVersion);
      } catch (failure) {
        void Taro.showToast({ title: toApiError(failure).message, icon: 'none' });
      }
    });
  };

  const decline = () => {
    void Taro.showToast({ title: '未同意隐私保护指引，暂时无法填写资料', icon: 'none', duration: 1500 });
    setTimeout(leavePage, 1500);
  };

  const change = <K extends ProfileField>(field: K, value: ProfileDraft[K]) => {
    setTyped({ ...draft, [field]: value });
    if (serverErrors[field]) setServerErrors({ ...serverErrors, [field]: undefined });
  };

  const save = async () => {
    setSubmitted(true);
    // The sector test repeats the validation's, so TypeScript knows a sector is chosen below.
    if (Object.keys(validateProfile(draft)).length > 0 || draft.sector === '') {
      void Taro.showToast({ title: '请按提示修改后再保存', icon: 'none' });
      return;
    }
    const sector = draft.sector;
    await submitProfile(async () => {
      try {
        if (!(await requireWechatPrivacyAuthorize())) {
          void Taro.showToast({ title: '需要同意微信隐私授权才能保存', icon: 'none' });
          return;
        }
        await call('members', 'saveProfile', {
          name: draft.name.trim(),
          mobile: draft.mobile,
          sector,
          employer: draft.employer.trim(),
          title: draft.title.trim(),
        });
        void Taro.showToast({ title: '资料已保存', icon: 'success' });
        setTimeout(leavePage, 800);
        // The page goes back in a moment: a tap before then must not save and go back a second time.
        return leavingPage;
      } catch (failure) {
        const error = toApiError(failure);
        if (error.code === 'CONSENT_REQUIRED') {
          setAcceptedVersion('');
        } else if (error.code === 'VALIDATION_FAILED' && profileFields.includes(error.field as ProfileField)) {
          setServerErrors({ ...serverErrors, [error.field as ProfileField]: error.message });
        } else {
          void Taro.showToast({ title: error.message, icon: 'none' });
        }
      }
    });
  };

  if (!consented) {
    return <PrivacyConsent version={privacyNoticeVersion} busy={accepting} onAccept={() => void accept()} onDecline={decline} />;
  }

  return (
    <View className="profile">
      <Text className="profile__intro">
        {me.profile ? '修改后保存即可生效。' : '填写基本资料后，即可加入联谊会、参与活动。'}
      </Text>
      <View className="profile__card">
        <FormField label="姓名" error={errors.name}>
          <Input className={formInputClass} value={draft.name} maxlength={20} placeholder="请填写真实姓名" onInput={(event) => change('name', event.detail.value)} />
        </FormField>
        <FormField label="手机号" error={errors.mobile} hint="仅你本人和所在组织的组织者可见完整号码">
          <Input className={formInputClass} type="number" value={draft.mobile} maxlength={11} placeholder="11位手机号码" onInput={(event) => change('mobile', event.detail.value)} />
        </FormField>
        <FormField label="界别" error={errors.sector}>
          <SectorPicker value={draft.sector} onChange={(sector) => change('sector', sector)} />
        </FormField>
        <FormField label="工作单位" error={errors.employer}>
          <Input className={formInputClass} value={draft.employer} maxlength={60} placeholder="选填" onInput={(event) => change('employer', event.detail.value)} />
        </FormField>
        <FormField label="职务" error={errors.title}>
          <Input className={formInputClass} value={draft.title} maxlength={30} placeholder="选填" onInput={(event) => change('title', event.detail.value)} />
        </FormField>
      </View>
      <View className="profile__actions">
        <View className={`btn btn--primary${saving ? ' profile__busy' : ''}`} hoverClass="btn--pressed" onClick={saving ? undefined : () => void save()}>
          {saving ? '正在保存…' : '保存'}
        </View>
      </View>
    </View>
  );
}
