import { Canvas, Text, View } from '@tarojs/components';
import type { CanvasTouchEvent } from '@tarojs/components/types/common';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type PointerEvent } from 'react';
import { pixelRatio, queryCanvasNode, weappCanvasToPng } from './canvas-node';
import { type InkPoint, type InkVerdict, type Stroke, judgeStrokes } from './ink-check';
import './index.scss';

export interface SignaturePadHandle {
  clear: () => void;
  verdict: () => InkVerdict;
  /** The signature as a PNG data URL (transparent background, dark ink). */
  exportPng: () => Promise<string>;
}

export interface SignaturePadProps {
  /** Shown under the pad in red, e.g. when the ink check or the server refused the signature. */
  error?: string;
  /** Called on the first stroke after a clear, so the page can drop an old error. */
  onStart?: () => void;
}

const canvasId = 'signature-pad-canvas';
const inkColor = '#1f2329';
const lineWidth = 3;

interface Surface {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  toPng: () => Promise<string>;
}

/** A handwriting pad: touch in weapp (Canvas type 2d), pointer events (mouse and touch) in H5. */
const SignaturePad = forwardRef<SignaturePadHandle, SignaturePadProps>(function SignaturePad({ error, onStart }, ref) {
  const strokes = useRef<Stroke[]>([]);
  const surface = useRef<Surface | null>(null);
  const htmlCanvas = useRef<HTMLCanvasElement | null>(null);
  const [blank, setBlank] = useState(true);

  const prepare = useCallback((context: CanvasRenderingContext2D, ratio: number) => {
    context.scale(ratio, ratio);
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.lineWidth = lineWidth;
    context.strokeStyle = inkColor;
    context.fillStyle = inkColor;
  }, []);

  useEffect(() => {
    let cancelled = false;
    const ratio = pixelRatio();
    if (process.env.TARO_ENV === 'h5') {
      const canvas = htmlCanvas.current;
      const context = canvas?.getContext('2d');
      if (!canvas || !context) return;
      const { width, height } = canvas.getBoundingClientRect();
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      prepare(context, ratio);
      surface.current = { context, width, height, toPng: () => Promise.resolve(canvas.toDataURL('image/png')) };
      return;
    }
    void queryCanvasNode(canvasId).then(({ canvas, width, height }) => {
      if (cancelled) return;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      prepare(context, ratio);
      surface.current = { context, width, height, toPng: async () => (await weappCanvasToPng(canvas)).dataUrl };
    });
    return () => {
      cancelled = true;
    };
  }, [prepare]);

  const begin = (point: InkPoint) => {
    const context = surface.current?.context;
    if (!context) return;
    if (strokes.current.length === 0) onStart?.();
    strokes.current.push([point]);
    context.beginPath();
    context.arc(point.x, point.y, lineWidth / 2, 0, Math.PI * 2);
    context.fill();
    setBlank(false);
  };

  const extend = (point: InkPoint) => {
    const context = surface.current?.context;
    const stroke = strokes.current[strokes.current.length - 1];
    if (!context || !stroke) return;
    const last = stroke[stroke.length - 1];
    stroke.push(point);
    context.beginPath();
    context.moveTo(last.x, last.y);
    context.lineTo(point.x, point.y);
    context.stroke();
  };

  const drawing = useRef(false);
  const pointOf = (event: PointerEvent<HTMLCanvasElement>): InkPoint => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const touchPoint = (event: CanvasTouchEvent): InkPoint | null => {
    const touch = event.touches[0];
    return touch ? { x: touch.x, y: touch.y } : null;
  };

  useImperativeHandle(
    ref,
    () => ({
      clear() {
        const current = surface.current;
        strokes.current = [];
        current?.context.clearRect(0, 0, current.width, current.height);
        setBlank(true);
      },
      verdict() {
        const current = surface.current;
        return current ? judgeStrokes(strokes.current, current) : 'empty';
      },
      exportPng() {
        const current = surface.current;
        return current ? current.toPng() : Promise.reject(new Error('signature pad is not ready'));
      },
    }),
    [],
  );

  return (
    <View className={`signature-pad${error ? ' signature-pad--invalid' : ''}`}>
      <View className="signature-pad__area">
        {process.env.TARO_ENV === 'h5' ? (
          <canvas
            ref={htmlCanvas}
            className="signature-pad__canvas"
            data-testid="signature-pad"
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              drawing.current = true;
              begin(pointOf(event));
            }}
            onPointerMove={(event) => {
              if (drawing.current) extend(pointOf(event));
            }}
            onPointerUp={() => {
              drawing.current = false;
            }}
            onPointerCancel={() => {
              drawing.current = false;
            }}
          />
        ) : (
          <Canvas
            type="2d"
            id={canvasId}
            className="signature-pad__canvas"
            disableScroll
            onTouchStart={(event) => {
              const point = touchPoint(event);
              if (point) begin(point);
            }}
            onTouchMove={(event) => {
              const point = touchPoint(event);
              if (point) extend(point);
            }}
          />
        )}
        {blank && <Text className="signature-pad__placeholder">请在此处手写签名</Text>}
        <View className="signature-pad__baseline" />
      </View>
      {error && <Text className="signature-pad__error">{error}</Text>}
    </View>
  );
});

export default SignaturePad;
