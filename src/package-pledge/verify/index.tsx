import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { VerifyResult } from '../../../cloudfunctions/shared/contract/pledge';
import { signatureStatusLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import { call, toApiError } from '../../services/api';
import { certificateDate } from '../certificate/draw-certificate';
import { normaliseSerial, serialFormatMessage, serialFromText, statusTones } from '../pledge-links';
import './index.scss';

const statusHints: Record<VerifyResult['status'], string> = {
  valid: '该证书真实有效，签署人已承诺遵守当前版本的公约。',
  superseded: '证书真实，但公约已发布新版本，签署人尚未签署新版。',
  withdrawn: '证书真实，但签署人已撤回签署。',
  unknown: '请核对编号是否输入正确，编号形如 XL-ABCDE23456。',
};

/** Open to anyone, signed in or not: the server answers `verify` without a caller and shows only the masked name. */
export default function VerifyPage() {
  const { params } = useRouter();
  const [typed, setTyped] = useState(params.serial ? decodeURIComponent(params.serial) : '');
  const [inputError, setInputError] = useState('');
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);

  const verify = useCallback(async (text: string) => {
    const serial = normaliseSerial(text) ?? (text.trim().length > 13 ? serialFromText(text) : null);
    if (!serial) {
      setInputError(serialFormatMessage);
      setResult(null);
      return;
    }
    setTyped(serial);
    setInputError('');
    setChecking(true);
    try {
      setResult(await call('pledge', 'verify', { serial }));
    } catch (failure) {
      setResult(null);
      setInputError(toApiError(failure).message);
    } finally {
      setChecking(false);
    }
  }, []);

  // A serial in the link (from a scanned QR) is checked at once; typed ones wait for the button.
  const openedWith = params.serial;
  useEffect(() => {
    if (openedWith) void verify(decodeURIComponent(openedWith));
  }, [openedWith, verify]);

  const scan = async () => {
    try {
      const { result: scanned } = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      const serial = serialFromText(scanned);
      if (serial) void verify(serial);
      else void Taro.showToast({ title: '这不是新联公约证书的二维码', icon: 'none' });
    } catch {
      // Closing the scanner is not an error worth a message.
    }
  };

  return (
    <View className="verify">
      <View className="verify__intro">
        <Text className="verify__title">验证公约签署证书</Text>
        <Text className="verify__hint">输入证书上的编号，或扫描证书上的二维码。无需登录。</Text>
      </View>

      <View className={`verify__form${inputError ? ' verify__form--invalid' : ''}`}>
        <Input
          className="verify__input"
          value={typed}
          maxlength={40}
          placeholder="证书编号，如 XL-ABCDE23456"
          confirmType="search"
          onInput={(event) => {
            setTyped(event.detail.value);
            setInputError('');
          }}
          onConfirm={() => void verify(typed)}
        />
        <View className="btn btn--primary verify__submit" hoverClass="btn--pressed" onClick={checking ? undefined : () => void verify(typed)}>
          {checking ? '验证中…' : '验证'}
        </View>
      </View>
      {inputError && <Text className="verify__error">{inputError}</Text>}
      {process.env.TARO_ENV === 'weapp' && (
        <View className="btn btn--ghost verify__scan" hoverClass="btn--pressed" onClick={() => void scan()}>
          扫描证书二维码
        </View>
      )}

      {result && (
        <View className={`verify__result verify__result--${statusTones[result.status]}`}>
          <View className="verify__verdict">
            <View className="verify__mark">{result.status === 'valid' ? '✓' : result.status === 'unknown' ? '?' : '!'}</View>
            <Text className="verify__status">{signatureStatusLabels[result.status]}</Text>
          </View>
          <Text className="verify__status-hint">{statusHints[result.status]}</Text>
          <View className="verify__facts">
            <View className="verify__fact">
              <Text className="verify__label">证书编号</Text>
              <Text className="verify__value verify__serial">{result.serial}</Text>
            </View>
            {result.maskedName && (
              <View className="verify__fact">
                <Text className="verify__label">签署人</Text>
                <Text className="verify__value">{result.maskedName}</Text>
              </View>
            )}
            {result.title && (
              <View className="verify__fact">
                <Text className="verify__label">公约</Text>
                <Text className="verify__value">
                  {result.title}
                  {result.version !== null && `（第 ${result.version} 版）`}
                </Text>
              </View>
            )}
            {result.signedAt && (
              <View className="verify__fact">
                <Text className="verify__label">签署日期</Text>
                <Text className="verify__value">{certificateDate(result.signedAt)}</Text>
              </View>
            )}
          </View>
        </View>
      )}
    </View>
  );
}
