import { Canvas } from '@tarojs/components';
import { useEffect, useMemo, useRef } from 'react';
import { type CanvasNode, pixelRatio, queryCanvasNode } from '../signature-pad/canvas-node';
import { paintQr, type QrPainter } from './paint-qr';
import { qrMatrix } from './qr-matrix';

export interface QrCodeProps {
  text: string;
  /** A weapp page finds its 2d canvas by id, so it must be unique on the page. */
  canvasId: string;
  /** Sizes the square (width and height); the drawing fills it at the screen's pixel density. */
  className: string;
  /** Read out by screen readers in H5. */
  label: string;
}

/** Fallback when the browser has not laid the canvas out yet; any size scans, this one reads well. */
const fallbackCssSize = 280;

/** A QR code on a canvas (a plain canvas in H5, a 2d Canvas in weapp), repainted whenever `text` changes. */
export default function QrCode({ text, canvasId, className, label }: QrCodeProps) {
  const htmlCanvas = useRef<HTMLCanvasElement | null>(null);
  const weappCanvas = useRef<CanvasNode | null>(null);
  const matrix = useMemo(() => qrMatrix(text), [text]);

  useEffect(() => {
    let cancelled = false;
    const paint = (canvas: HTMLCanvasElement | CanvasNode['canvas'], cssSize: number) => {
      const size = Math.round((cssSize || fallbackCssSize) * pixelRatio());
      if (canvas.width !== size) {
        canvas.width = size;
        canvas.height = size;
      }
      paintQr(canvas.getContext('2d') as unknown as QrPainter, matrix, size);
    };
    if (process.env.TARO_ENV === 'h5') {
      const canvas = htmlCanvas.current;
      if (canvas) paint(canvas, canvas.getBoundingClientRect().width);
    } else {
      const node = weappCanvas.current ? Promise.resolve(weappCanvas.current) : queryCanvasNode(canvasId);
      node
        .then((found) => {
          weappCanvas.current = found;
          if (!cancelled) paint(found.canvas, found.width);
        })
        // The page goes on without the picture: the code text under it can still be typed in.
        .catch(() => undefined);
    }
    return () => {
      cancelled = true;
    };
  }, [matrix, canvasId]);

  return process.env.TARO_ENV === 'h5' ? (
    <canvas ref={htmlCanvas} className={className} role="img" aria-label={label} />
  ) : (
    <Canvas type="2d" id={canvasId} className={className} />
  );
}
