import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import { AppError } from '../../cloudfunctions/shared/domain/app-error';
import {
  judgeInk,
  measureInk,
  readSignatureImage,
  signatureImagePath,
} from '../../cloudfunctions/shared/domain/pledge-signature-image';
import { blankCanvas, dataUrl, drawStroke, handwrittenName, jpegBytes, pngBytes } from './pledge-fixtures';

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
}

describe('judgeInk', () => {
  const canvas = { width: 600, height: 300 };

  it('accepts handwriting', () => {
    expect(judgeInk(measureInk(handwrittenName()), canvas)).toBe('enough');
  });

  it('calls a canvas without ink empty, and white paint is not ink', () => {
    expect(judgeInk(measureInk(blankCanvas()), canvas)).toBe('empty');
    const white = blankCanvas();
    white.data.fill(255);
    expect(judgeInk(measureInk(white), canvas)).toBe('empty');
  });

  it('refuses a dot', () => {
    expect(judgeInk(measureInk(drawStroke(blankCanvas(), [300, 150], [300, 150], 8)), canvas)).toBe('too_light');
  });

  it('refuses one straight line, level, upright or slanted', () => {
    for (const [from, to] of [
      [[50, 150], [550, 150]],
      [[300, 20], [300, 280]],
      [[50, 20], [550, 280]],
    ] as [[number, number], [number, number]][]) {
      expect(judgeInk(measureInk(drawStroke(blankCanvas(), from, to)), canvas)).toBe('too_light');
    }
  });

  it('refuses a tiny scribble in a corner', () => {
    const scribble = blankCanvas();
    drawStroke(scribble, [10, 10], [20, 16], 3);
    drawStroke(scribble, [20, 16], [12, 20], 3);
    expect(judgeInk(measureInk(scribble), canvas)).toBe('too_light');
  });

  it('ignores faint or transparent marks', () => {
    const faint = handwrittenName();
    for (let i = 3; i < faint.data.length; i += 4) if (faint.data[i] > 0) faint.data[i] = 60;
    expect(judgeInk(measureInk(faint), canvas)).toBe('empty');
  });
});

describe('readSignatureImage', () => {
  it('accepts a PNG with or without the data URL prefix and hashes its bytes', () => {
    const bytes = pngBytes(handwrittenName());
    const image = readSignatureImage(dataUrl(bytes));
    expect(image.format).toBe('png');
    expect(image.bytes.equals(bytes)).toBe(true);
    expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readSignatureImage(bytes.toString('base64')).sha256).toBe(image.sha256);
    expect(signatureImagePath(image)).toBe(`pledge-signatures/${image.sha256}.png`);
  });

  it('accepts a JPEG on a white background', () => {
    const image = readSignatureImage(dataUrl(jpegBytes(handwrittenName()), 'jpeg'));
    expect(image.format).toBe('jpeg');
    expect(signatureImagePath(image)).toMatch(/\.jpg$/);
  });

  it('judges the format by the bytes, not by the data URL', () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary');
    expect(codeOf(() => readSignatureImage(dataUrl(gif)))).toBe('SIGNATURE_IMAGE_INVALID');
    expect(codeOf(() => readSignatureImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')))).toBe('SIGNATURE_IMAGE_INVALID');
  });

  it('refuses a PNG or JPEG that does not decode', () => {
    const png = pngBytes(handwrittenName());
    expect(codeOf(() => readSignatureImage(png.subarray(0, 200).toString('base64')))).toBe('SIGNATURE_IMAGE_INVALID');
    expect(codeOf(() => readSignatureImage(Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]).toString('base64')))).toBe('SIGNATURE_IMAGE_INVALID');
  });

  it('refuses a canvas too large to be a signature before inflating it', () => {
    const huge = pngBytes(blankCanvas(8, 8));
    huge.writeUInt32BE(100_000, 16);
    huge.writeUInt32BE(100_000, 20);
    expect(codeOf(() => readSignatureImage(huge.toString('base64')))).toBe('SIGNATURE_IMAGE_INVALID');
  });

  it('refuses more than 512 KB', () => {
    const noise = new PNG({ width: 600, height: 300 });
    noise.data = randomBytes(600 * 300 * 4);
    const bytes = PNG.sync.write(noise);
    expect(bytes.length).toBeGreaterThan(512 * 1024);
    expect(codeOf(() => readSignatureImage(dataUrl(bytes)))).toBe('SIGNATURE_IMAGE_TOO_LARGE');
  });

  it('refuses a blank, a dot and a line with their own codes', () => {
    expect(codeOf(() => readSignatureImage(dataUrl(pngBytes(blankCanvas()))))).toBe('SIGNATURE_IMAGE_EMPTY');
    expect(codeOf(() => readSignatureImage(''))).toBe('SIGNATURE_IMAGE_EMPTY');
    expect(codeOf(() => readSignatureImage(dataUrl(pngBytes(drawStroke(blankCanvas(), [300, 150], [302, 151])))))).toBe('SIGNATURE_TOO_LIGHT');
    expect(codeOf(() => readSignatureImage(dataUrl(jpegBytes(drawStroke(blankCanvas(), [40, 40], [560, 260])), 'jpeg')))).toBe('SIGNATURE_TOO_LIGHT');
  });
});
