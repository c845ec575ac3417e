import { createHash } from 'node:crypto';
import { decode as decodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { maxSignatureImageBytes } from '../contract/vocabulary';
import { AppError } from './app-error';
import { decodeBase64Image, imageExtension, imageFormatOf, type ImageFormat } from './image-format';

export type SignatureImageFormat = ImageFormat;

/** A handwritten signature that passed every check: its bytes, as stored in file storage. */
export interface SignatureImage {
  format: SignatureImageFormat;
  bytes: Buffer;
  sha256: string;
}

/** Decoded pixels, RGBA, row by row. */
export interface RgbaPixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** What the ink of a signature looks like: how much there is, where, and how far it spreads across its main direction. */
export interface InkMeasure {
  inkPixels: number;
  box: { width: number; height: number } | null;
  /** The standard deviation of the ink across its principal axis: a straight line of any slope has almost none. */
  minorSpread: number;
}

export type InkVerdict = 'empty' | 'too_light' | 'enough';

/** A phone canvas at 3x is about 1,100 x 600; more than this is not a signature and would cost memory to decode. */
export const maxSignaturePixels = 4_000_000;
const minInkPixels = 40;
/** The ink's box must span at least this share of the canvas in each direction. */
const minBoxShare = 0.03;
/** Spread across the main direction, as a share of the canvas's shorter side: below it the ink is one straight stroke. */
const minSpreadShare = 0.015;

function isInk(data: Uint8Array, offset: number): boolean {
  const alpha = data[offset + 3];
  if (alpha < 128) return false;
  const luminance = 0.299 * data[offset] + 0.587 * data[offset + 1] + 0.114 * data[offset + 2];
  return luminance < 160;
}

/** Counts the dark, opaque pixels and measures their extent and spread. */
export function measureInk(pixels: RgbaPixels): InkMeasure {
  let count = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let sumX = 0;
  let sumY = 0;
  let sumXX = 0;
  let sumYY = 0;
  let sumXY = 0;
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      if (!isInk(pixels.data, (y * pixels.width + x) * 4)) continue;
      count++;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      sumX += x;
      sumY += y;
      sumXX += x * x;
      sumYY += y * y;
      sumXY += x * y;
    }
  }
  if (count === 0) return { inkPixels: 0, box: null, minorSpread: 0 };
  const varX = sumXX / count - (sumX / count) ** 2;
  const varY = sumYY / count - (sumY / count) ** 2;
  const covXY = sumXY / count - (sumX / count) * (sumY / count);
  const minorVariance = (varX + varY) / 2 - Math.sqrt(((varX - varY) / 2) ** 2 + covXY ** 2);
  return {
    inkPixels: count,
    box: { width: maxX - minX + 1, height: maxY - minY + 1 },
    minorSpread: Math.sqrt(Math.max(0, minorVariance)),
  };
}

/** Refuses a blank canvas, and a dot or a single straight stroke, which anyone could pass off as a signature. */
export function judgeInk(ink: InkMeasure, canvas: { width: number; height: number }): InkVerdict {
  if (ink.inkPixels === 0 || ink.box === null) return 'empty';
  if (ink.inkPixels < minInkPixels) return 'too_light';
  if (ink.box.width < canvas.width * minBoxShare || ink.box.height < canvas.height * minBoxShare) return 'too_light';
  if (ink.minorSpread < Math.max(2, Math.min(canvas.width, canvas.height) * minSpreadShare)) return 'too_light';
  return 'enough';
}

function decodePixels(format: SignatureImageFormat, bytes: Buffer): RgbaPixels {
  try {
    if (format === 'png') {
      // IHDR holds the size at a fixed place: refuse a huge canvas before inflating it.
      if (bytes.length < 24 || bytes.readUInt32BE(16) * bytes.readUInt32BE(20) > maxSignaturePixels) throw new AppError('SIGNATURE_IMAGE_INVALID');
      const png = PNG.sync.read(bytes);
      return { width: png.width, height: png.height, data: png.data };
    }
    return decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxSignaturePixels / 1_000_000, maxMemoryUsageInMB: 64 });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('SIGNATURE_IMAGE_INVALID');
  }
}

/**
 * Checks a submitted signature: size, PNG or JPEG by its magic bytes (not by what the client claims),
 * decodable, and enough ink. Throws the matching SIGNATURE_* error.
 */
export function readSignatureImage(encoded: string): SignatureImage {
  const bytes = decodeBase64Image(encoded);
  if (bytes.length === 0) throw new AppError('SIGNATURE_IMAGE_EMPTY');
  if (bytes.length > maxSignatureImageBytes) throw new AppError('SIGNATURE_IMAGE_TOO_LARGE');
  const format = imageFormatOf(bytes);
  if (!format) throw new AppError('SIGNATURE_IMAGE_INVALID');
  const pixels = decodePixels(format, bytes);
  const verdict = judgeInk(measureInk(pixels), pixels);
  if (verdict === 'empty') throw new AppError('SIGNATURE_IMAGE_EMPTY');
  if (verdict === 'too_light') throw new AppError('SIGNATURE_TOO_LIGHT');
  return { format, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Content-addressed, so a retried upload of the same signature writes the same file. */
export function signatureImagePath(image: SignatureImage): string {
  return `pledge-signatures/${image.sha256}.${imageExtension(image.format)}`;
}
