import { Text, View } from '@tarojs/components';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { cameraProblem } from '../../utils/self-checkin';
import type { CodeScannerProps } from './code-scanner';
import './code-scanner.scss';

/** Frames are decoded a few times a second, scaled down: plenty for a code held up to the camera, light on a phone. */
const scanEveryMs = 200;
const frameEdge = 640;
/** After a read, the same code in view must not fire again while its answer is on its way. */
const cooldownMs = 2000;

export default function CodeScanner({ paused, onCode }: CodeScannerProps) {
  const video = useRef<HTMLVideoElement | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const latest = useRef({ paused, onCode });
  useEffect(() => {
    latest.current = { paused, onCode };
  }, [paused, onCode]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    let quietUntil = 0;
    const frame = document.createElement('canvas');
    const context = frame.getContext('2d', { willReadFrequently: true });

    const scan = () => {
      const element = video.current;
      if (!element || !context || latest.current.paused || Date.now() < quietUntil) return;
      if (element.readyState < element.HAVE_ENOUGH_DATA || !element.videoWidth) return;
      const scale = Math.min(1, frameEdge / Math.max(element.videoWidth, element.videoHeight));
      frame.width = Math.round(element.videoWidth * scale);
      frame.height = Math.round(element.videoHeight * scale);
      context.drawImage(element, 0, 0, frame.width, frame.height);
      const found = jsQR(context.getImageData(0, 0, frame.width, frame.height).data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
      if (found?.data) {
        quietUntil = Date.now() + cooldownMs;
        latest.current.onCode(found.data);
      }
    };

    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem(cameraProblem(null));
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        if (stopped) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        const element = video.current;
        if (!element) return;
        element.srcObject = media;
        await element.play();
        setLive(true);
        timer = setInterval(scan, scanEveryMs);
      })
      .catch((failure: unknown) => {
        if (!stopped) setProblem(cameraProblem(failure));
      });
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <View className="code-scanner">
      <View className={`code-scanner__frame${live ? '' : ' code-scanner__frame--idle'}`}>
        <video ref={video} className="code-scanner__video" playsInline muted />
        <View className="code-scanner__corners" />
        {!live && <Text className="code-scanner__hint">{problem ? '摄像头不可用' : '正在打开摄像头…'}</Text>}
      </View>
      {problem ? <Text className="code-scanner__problem">{problem}</Text> : <Text className="code-scanner__caption">将现场展示的签到码放入框内，识别后自动签到</Text>}
    </View>
  );
}
