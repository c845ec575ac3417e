/** A point of a stroke, in the pad's CSS pixels. */
export interface InkPoint {
  x: number;
  y: number;
}

export type Stroke = InkPoint[];

export type InkVerdict = 'empty' | 'too_light' | 'enough';

export const tooLightMessage = '签名笔画太少，请用手写完整签名';
export const emptyMessage = '请先在签名区手写签名';

// Stricter than the server's pixel rule (3% box, 1.5% spread), so what passes here is not refused after upload.
const minPoints = 12;
const minBoxShare = 0.06;
const minSpreadShare = 0.03;

/**
 * Mirrors the server's ink rule on the recorded points: a dot, a tiny scribble or one straight line is
 * refused; the spread across the strokes' main direction tells a line from handwriting.
 */
export function judgeStrokes(strokes: Stroke[], pad: { width: number; height: number }): InkVerdict {
  const points = strokes.flat();
  if (points.length === 0) return 'empty';
  if (points.length < minPoints) return 'too_light';
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const boxWidth = Math.max(...xs) - Math.min(...xs);
  const boxHeight = Math.max(...ys) - Math.min(...ys);
  if (boxWidth < pad.width * minBoxShare || boxHeight < pad.height * minBoxShare) return 'too_light';
  if (minorSpread(points) < Math.min(pad.width, pad.height) * minSpreadShare) return 'too_light';
  return 'enough';
}

/** The standard deviation of the points across their principal axis. */
function minorSpread(points: InkPoint[]): number {
  const count = points.length;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / count;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / count;
  let varX = 0;
  let varY = 0;
  let covXY = 0;
  for (const point of points) {
    varX += (point.x - meanX) ** 2 / count;
    varY += (point.y - meanY) ** 2 / count;
    covXY += ((point.x - meanX) * (point.y - meanY)) / count;
  }
  const minorVariance = (varX + varY) / 2 - Math.sqrt(((varX - varY) / 2) ** 2 + covXY ** 2);
  return Math.sqrt(Math.max(0, minorVariance));
}

export function inkMessage(verdict: InkVerdict): string | null {
  if (verdict === 'empty') return emptyMessage;
  return verdict === 'too_light' ? tooLightMessage : null;
}
