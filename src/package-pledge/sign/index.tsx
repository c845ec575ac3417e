import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { maxSignatureImageBytes } from '../../../cloudfunctions/shared/contract/vocabulary';
import FormField, { formInputClass, SectorPicker } from '../../components/form-field';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import SignaturePad, { type SignaturePadHandle } from '../../components/signature-pad';
import { inkMessage } from '../../components/signature-pad/ink-check';
import { useRemote } from '../../hooks/use-remote';
import { type ApiError, call, toApiError } from '../../services/api';
import { type SignerDraft, type SignerErrors, type SignerField, dataUrlBytes, signerDraftFrom, signerFields, validateSigner } from './signer-form';
import './index.scss';

const pledgeTab = '/pages/pledge/index';
const signatureCodes = ['SIGNATURE_TOO_LIGHT', 'SIGNATURE_IMAGE_INVALID', 'SIGNATURE_IMAGE_TOO_LARGE', 'SIGNATURE_IMAGE_EMPTY'];

/** Refusals the member resolves elsewhere: a dialog says where, then takes them there. */
async function explainElsewhere(failure: ApiError): Promise<boolean> {
  if (failure.code === 'CONSENT_REQUIRED' || failure.code === 'PROFILE_REQUIRED') {
    const { confirm } = await Taro.showModal({
      title: '请先完善资料',
      content: '签署公约前，需要同意隐私保护指引并填写姓名、界别等基本资料。',
      confirmText: '去填写',
      confirmColor: '#C8102E',
    });
    if (confirm) void Taro.navigateTo({ url: '/package-me/profile/index' });
    return true;
  }
  if (failure.code === 'PLEDGE_VERSION_OUTDATED') {
    await Taro.showModal({ title: '公约已更新', content: failure.message, showCancel: false, confirmText: '去阅读', confirmColor: '#C8102E' });
    void Taro.switchTab({ url: pledgeTab });
    return true;
  }
  if (failure.code === 'ALREADY_SIGNED') {
    await Taro.showModal({ title: '无需重复签署', content: failure.message, showCancel: false, confirmText: '查看记录', confirmColor: '#C8102E' });
    void Taro.redirectTo({ url: '/package-pledge/my-signatures/index' });
    return true;
  }
  return false;
}

export default function SignPage() {
  const { params } = useRouter();
  const load = useCallback(async () => {
    const [current, me] = await Promise.all([call('pledge', 'current', {}), call('members', 'me', {})]);
    return { current, me };
  }, []);
  const remote = useRemote(load);
  const pad = useRef<SignaturePadHandle>(null);
  const [typed, setTyped] = useState<SignerDraft | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<SignerErrors>({});
  const [padError, setPadError] = useState('');
  const [signing, setSigning] = useState(false);

  if (!remote.data) {
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }

  const { current, me } = remote.data;
  const pledge = current.pledge;
  if (!pledge) {
    return (
      <View className="page">
        <EmptyState mark="约" title="公约尚未发布" hint="公约发布后即可签署。" actionText="返回" onAction={() => void Taro.switchTab({ url: pledgeTab })} />
      </View>
    );
  }
  if (current.my?.state === 'signed' && current.my.signature) {
    const { serial, version } = current.my.signature;
    return (
      <View className="page">
        <EmptyState
          mark="签"
          title={`你已签署第 ${version} 版`}
          hint="同一版本只需签署一次。"
          actionText="查看证书"
          onAction={() => void Taro.redirectTo({ url: `/package-pledge/certificate/index?serial=${serial}` })}
        />
      </View>
    );
  }

  const draft = typed ?? signerDraftFrom(me.profile, current.my);
  const errors: SignerErrors = { ...(submitted ? validateSigner(draft) : {}), ...serverErrors };
  const newMedia = draft.sector === 'newmedia';

  const change = <K extends SignerField>(field: K, value: SignerDraft[K]) => {
    setTyped({ ...draft, [field]: value });
    if (serverErrors[field]) setServerErrors({ ...serverErrors, [field]: undefined });
  };

  const clearPad = () => {
    pad.current?.clear();
    setPadError('');
  };

  const sign = async () => {
    setSubmitted(true);
    const formValid = Object.keys(validateSigner(draft)).length === 0 && draft.sector !== '';
    const inkProblem = inkMessage(pad.current?.verdict() ?? 'empty');
    setPadError(inkProblem ?? '');
    if (!formValid || inkProblem || draft.sector === '') {
      void Taro.showToast({ title: formValid ? inkProblem ?? '' : '请按提示修改后再签署', icon: 'none' });
      return;
    }
    setSigning(true);
    try {
      const image = await pad.current!.exportPng();
      if (dataUrlBytes(image) > maxSignatureImageBytes) {
        setPadError('签名图片不能超过 512 KB，请清除后重写');
        return;
      }
      const signed = await call('pledge', 'sign', {
        versionId: params.versionId ?? pledge.id,
        name: draft.name.trim(),
        employer: draft.employer.trim(),
        sector: draft.sector,
        platform: draft.platform.trim(),
        account: draft.account.trim(),
        image,
        readToEnd: true,
      });
      void Taro.redirectTo({ url: `/package-pledge/certificate/index?serial=${signed.serial}&fresh=1` });
    } catch (failure) {
      const error = toApiError(failure);
      if (signatureCodes.includes(error.code) || error.field === 'image') {
        setPadError(error.message);
      } else if (error.code === 'VALIDATION_FAILED' && signerFields.includes(error.field as SignerField)) {
        setServerErrors({ ...serverErrors, [error.field as SignerField]: error.message });
      } else if (!(await explainElsewhere(error))) {
        void Taro.showToast({ title: error.message, icon: 'none' });
      }
    } finally {
      setSigning(false);
    }
  };

  return (
    <View className="sign">
      <View className="sign__intro">
        <Text className="sign__pledge">
          {pledge.title}（第 {pledge.version} 版）
        </Text>
        <Text className="sign__hint">请核对签署信息，然后在下方手写签名。证书上将显示你的姓名。</Text>
      </View>

      <Text className="sign__section">签署信息</Text>
      <View className="sign__card">
        <FormField label="姓名" error={errors.name}>
          <Input className={formInputClass} value={draft.name} maxlength={20} placeholder="请填写真实姓名" onInput={(event) => change('name', event.detail.value)} />
        </FormField>
        <FormField label="工作单位" error={errors.employer}>
          <Input className={formInputClass} value={draft.employer} maxlength={60} placeholder="请填写工作单位" onInput={(event) => change('employer', event.detail.value)} />
        </FormField>
        <FormField label="界别" error={errors.sector}>
          <SectorPicker value={draft.sector} onChange={(sector) => change('sector', sector)} />
        </FormField>
        <FormField label="平台" error={errors.platform}>
          <Input
            className={formInputClass}
            value={draft.platform}
            maxlength={30}
            placeholder={newMedia ? '如：微信公众号、抖音' : '选填'}
            onInput={(event) => change('platform', event.detail.value)}
          />
        </FormField>
        <FormField label="账号" error={errors.account}>
          <Input
            className={formInputClass}
            value={draft.account}
            maxlength={40}
            placeholder={newMedia ? '账号名称（选填）' : '选填'}
            onInput={(event) => change('account', event.detail.value)}
          />
        </FormField>
      </View>

      <View className="sign__section sign__section--row">
        <Text>手写签名</Text>
        <View className="sign__clear" hoverClass="btn--pressed" onClick={clearPad}>
          清除重写
        </View>
      </View>
      <SignaturePad ref={pad} error={padError} onStart={() => setPadError('')} />

      <View className="sign__actions">
        <View className={`btn btn--primary${signing ? ' sign__busy' : ''}`} hoverClass="btn--pressed" onClick={signing ? undefined : () => void sign()}>
          {signing ? '正在签署…' : '确认并签署'}
        </View>
        <Text className="sign__promise">签署即表示你已阅读公约全文，并承诺自觉遵守。</Text>
      </View>
    </View>
  );
}
