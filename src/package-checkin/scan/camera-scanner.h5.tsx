import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { CameraRepeatFilter } from '../../utils/scanner-field';
import type { CameraScannerProps } from './camera-scanner';

export const scanOnce = null;

const cameraChoiceKey = 'xinlian.checkin.camera-on';
// jsQR on a 480-pixel frame takes a few milliseconds; eight frames a second is quick and leaves the phone cool.
const frameGapMs = 120;
const frameSide = 480;
// The same ticket counts again only after its phone has been out of sight this long.
const quietMs = 2500;

function cameraProblem(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return '未获得摄像头权限，请在浏览器设置中允许后重试';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到可用的摄像头';
  if (name === 'NotReadableError') return '摄像头被其他程序占用';
  return '无法打开摄像头';
}

export default function CameraScanner({ active, onCode }: CameraScannerProps) {
  const [on, setOn] = useState(() => Taro.getStorageSync(cameraChoiceKey) === true);
  const [problem, setProblem] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const video = useRef<HTMLVideoElement | null>(null);
  const latestOnCode = useRef(onCode);

  useEffect(() => {
    latestOnCode.current = onCode;
  }, [onCode]);

  useEffect(() => {
    if (!on || !active) return;
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem('当前浏览器无法使用摄像头（需要 HTTPS 或本机地址），请使用扫码枪或手动输入');
      return;
    }
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const repeats = new CameraRepeatFilter(quietMs);

    const decodeFrame = () => {
      if (stopped) return;
      const element = video.current;
      if (context && element && element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        const scale = Math.min(1, frameSide / Math.max(element.videoWidth, element.videoHeight));
        const width = Math.round(element.videoWidth * scale);
        const height = Math.round(element.videoHeight * scale);
        canvas.width = width;
        canvas.height = height;
        context.drawImage(element, 0, 0, width, height);
        const found = jsQR(context.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'dontInvert' });
        if (found?.data && repeats.sighted(found.data, Date.now())) latestOnCode.current(found.data);
      }
      timer = setTimeout(decodeFrame, frameGapMs);
    };

    setProblem(null);
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
      .then(async (opened) => {
        if (stopped) {
          opened.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = opened;
        const element = video.current;
        if (!element) return;
        element.srcObject = opened;
        await element.play();
        setLive(true);
        decodeFrame();
      })
      .catch((error: unknown) => {
        if (!stopped) setProblem(cameraProblem(error));
      });

    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      setLive(false);
    };
  }, [on, active]);

  const toggle = () => {
    Taro.setStorageSync(cameraChoiceKey, !on);
    setProblem(null);
    setOn(!on);
  };

  return (
    <View className={`camera-scanner camera-scanner--h5${on ? ' camera-scanner--on' : ''}`}>
      {on && (
        <View className="camera-scanner__viewport">
          <video ref={video} className="camera-scanner__video" muted playsInline autoPlay />
          <View className="camera-scanner__frame" />
          {!live && !problem && <Text className="camera-scanner__status">正在打开摄像头…</Text>}
          {problem && <Text className="camera-scanner__status camera-scanner__status--problem">{problem}</Text>}
        </View>
      )}
      <View className="camera-scanner__toggle" hoverClass="btn--pressed" onClick={toggle}>
        {on ? '关闭摄像头' : '打开摄像头扫码'}
      </View>
    </View>
  );
}
