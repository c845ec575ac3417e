import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CodeScannerProps } from './code-scanner';
import './code-scanner.scss';

export default function CodeScanner({ paused, onCode }: CodeScannerProps) {
  const [problem, setProblem] = useState<string | null>(null);

  const scan = async () => {
    if (paused) return;
    setProblem(null);
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      onCode(result);
    } catch (failure) {
      const message = (failure as { errMsg?: string }).errMsg ?? '';
      if (message.includes('cancel')) return;
      setProblem(message.includes('auth') ? '未获得摄像头权限，请在右上角“设置”中允许使用摄像头后重试。' : '没能打开扫码，请重试，或在下方粘贴签到码。');
    }
  };

  return (
    <View className="code-scanner">
      <View className="code-scanner__frame code-scanner__frame--idle" hoverClass="code-scanner__frame--pressed" onClick={() => void scan()}>
        <View className="code-scanner__corners" />
        <Text className="code-scanner__hint">点击打开相机</Text>
      </View>
      <View className={`btn ${paused ? 'btn--disabled' : 'btn--primary'} code-scanner__button`} hoverClass="btn--pressed" onClick={() => void scan()}>
        扫描现场签到码
      </View>
      {problem && <Text className="code-scanner__problem">{problem}</Text>}
    </View>
  );
}
