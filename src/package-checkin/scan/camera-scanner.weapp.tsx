import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CameraScannerProps } from './camera-scanner';

export const scanOnce = async (): Promise<string | null> => {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result;
  } catch {
    // Cancelled, or the camera refused: the steward is back on the page either way.
    return null;
  }
};

export default function CameraScanner({ active, onCode }: CameraScannerProps) {
  const open = async () => {
    const text = await scanOnce();
    if (text) onCode(text);
  };
  return (
    <View className="camera-scanner camera-scanner--weapp" hoverClass="btn--pressed" onClick={active ? () => void open() : undefined}>
      <Text className="camera-scanner__icon">⌖</Text>
      <Text className="camera-scanner__label">扫码</Text>
    </View>
  );
}
