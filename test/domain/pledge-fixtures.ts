import { encode as encodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbaPixels } from '../../cloudfunctions/shared/domain/pledge-signature-image';

/** A transparent canvas, as a phone's signature pad starts. */
export function blankCanvas(width = 600, height = 300): RgbaPixels {
  return { width, height, data: new Uint8Array(width * height * 4) };
}

/** A round-tipped black stroke from one point to another. */
export function drawStroke(canvas: RgbaPixels, from: [number, number], to: [number, number], penWidth = 6): RgbaPixels {
  const steps = Math.max(1, Math.ceil(Math.hypot(to[0] - from[0], to[1] - from[1])));
  const radius = penWidth / 2;
  for (let step = 0; step <= steps; step++) {
    const cx = from[0] + ((to[0] - from[0]) * step) / steps;
    const cy = from[1] + ((to[1] - from[1]) * step) / steps;
    for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y++) {
      for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x++) {
        if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height || Math.hypot(x - cx, y - cy) > radius) continue;
        canvas.data.set([20, 20, 30, 255], (y * canvas.width + x) * 4);
      }
    }
  }
  return canvas;
}

/** A few strokes shaped like two handwritten characters. */
export function handwrittenName(canvas: RgbaPixels = blankCanvas(), offset = 0): RgbaPixels {
  const strokes: [[number, number], [number, number]][] = [
    [[120, 90], [220, 90]],
    [[170, 60], [170, 220]],
    [[120, 220], [230, 180]],
    [[300, 80], [280, 230]],
    [[300, 80], [400, 100]],
    [[400, 100], [380, 230]],
    [[290, 160], [390, 160]],
  ];
  for (const [from, to] of strokes) drawStroke(canvas, [from[0] + offset, from[1]], [to[0] + offset, to[1]]);
  return canvas;
}

export function pngBytes(pixels: RgbaPixels): Buffer {
  const png = new PNG({ width: pixels.width, height: pixels.height });
  png.data = Buffer.from(pixels.data);
  // One fixed filter: pngjs tries all five per row otherwise, which is slow inside jest.
  return PNG.sync.write(png, { filterType: 0 });
}

/** JPEG has no transparency: the canvas is exported on white, as a weapp canvas export with a white fill is. */
export function jpegBytes(pixels: RgbaPixels): Buffer {
  const data = Buffer.alloc(pixels.width * pixels.height * 4, 255);
  for (let i = 0; i < pixels.width * pixels.height; i++) {
    if (pixels.data[i * 4 + 3] > 0) data.set(pixels.data.subarray(i * 4, i * 4 + 3), i * 4);
  }
  return encodeJpeg({ width: pixels.width, height: pixels.height, data }, 90).data;
}

export function dataUrl(bytes: Buffer, type: 'png' | 'jpeg' = 'png'): string {
  return `data:image/${type};base64,${bytes.toString('base64')}`;
}

/** A valid handwritten signature as the sign page sends it; `variant` moves the strokes so images differ. */
export function signatureDataUrl(variant = 0): string {
  return dataUrl(pngBytes(handwrittenName(blankCanvas(), variant)));
}
