import type { MySignature } from '../../../cloudfunctions/shared/contract/pledge';
import { signatureStatusLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import { inShanghai } from '../../utils/time';

/** The certificate's own coordinate system; the canvas is scaled onto it. */
export const certificateSize = { width: 600, height: 848 };

/** The part of a 2d context the drawing uses: the same in H5 and in a weapp `Canvas type="2d"`. */
export type CertificateContext = Pick<
  CanvasRenderingContext2D,
  'fillRect' | 'strokeRect' | 'fillText' | 'measureText' | 'drawImage' | 'save' | 'restore' | 'translate' | 'rotate' | 'beginPath' | 'arc' | 'stroke'
> & {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  globalAlpha: number;
};

export interface CertificateContent {
  signature: Pick<MySignature, 'name' | 'title' | 'version' | 'signedAt' | 'serial' | 'status'>;
  qr: boolean[][];
  /** The handwritten signature, when it could be loaded. */
  signatureImage: CanvasImageSource | null;
}

const brand = '#C8102E';
const ink = '#1F2329';
const muted = '#8A8F99';
const fontFamily = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

function font(size: number, weight: 'normal' | 'bold' = 'normal'): string {
  return `${weight} ${size}px ${fontFamily}`;
}

/** "2026年11月25日", the signing day in Asia/Shanghai. */
export function certificateDate(instant: string): string {
  const day = inShanghai(instant);
  return `${day.year()}年${day.month() + 1}月${day.date()}日`;
}

// Closing punctuation never starts a line; it may hang past the margin instead, as in Chinese typesetting.
const closingPunctuation = new Set('，。、；：？！）》」』”');

/** Splits text into lines no wider than `width`, character by character, as Chinese text wraps. */
export function wrapText(context: Pick<CertificateContext, 'measureText'>, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (line && !closingPunctuation.has(char) && context.measureText(line + char).width > width) {
      lines.push(line);
      line = char;
    } else {
      line += char;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function drawQr(context: CertificateContext, matrix: boolean[][], x: number, y: number, size: number) {
  const quiet = 2;
  const cell = size / (matrix.length + quiet * 2);
  context.fillStyle = '#FFFFFF';
  context.fillRect(x, y, size, size);
  context.fillStyle = ink;
  matrix.forEach((row, rowIndex) =>
    row.forEach((dark, columnIndex) => {
      // A hair wider than a cell, so neighbouring squares leave no seams when scaled.
      if (dark) context.fillRect(x + (columnIndex + quiet) * cell, y + (rowIndex + quiet) * cell, cell + 0.3, cell + 0.3);
    }),
  );
}

/** Paints the whole certificate: frame, heading, the signer and pledge, the signature, date, serial and QR. */
export function drawCertificate(context: CertificateContext, { signature, qr, signatureImage }: CertificateContent): void {
  const { width, height } = certificateSize;
  const centre = width / 2;

  context.fillStyle = '#FFFBF3';
  context.fillRect(0, 0, width, height);
  context.strokeStyle = brand;
  context.lineWidth = 6;
  context.strokeRect(18, 18, width - 36, height - 36);
  context.lineWidth = 1.5;
  context.strokeRect(32, 32, width - 64, height - 64);

  context.textAlign = 'center';
  context.textBaseline = 'alphabetic';
  context.fillStyle = brand;
  context.font = font(40, 'bold');
  context.fillText('自律公约签署证书', centre, 118);
  context.fillStyle = muted;
  context.font = font(14);
  context.fillText('CERTIFICATE OF PLEDGE', centre, 148);

  context.textAlign = 'left';
  context.fillStyle = ink;
  context.font = font(22);
  context.fillText('兹证明', 72, 214);
  context.textAlign = 'center';
  context.font = font(44, 'bold');
  context.fillText(signature.name, centre, 284);
  context.fillRect(centre - 120, 300, 240, 1.5);

  context.font = font(22);
  const body = `于${certificateDate(signature.signedAt)}签署《${signature.title}》（第 ${signature.version} 版），承诺自觉遵守公约各条款，接受会员和公众监督。`;
  wrapText(context, body, width - 144).forEach((line, index) => {
    context.textAlign = 'left';
    context.fillText(line, 72, 356 + index * 38);
  });

  context.textAlign = 'left';
  context.fillStyle = muted;
  context.font = font(16);
  context.fillText('签署人签名', 330, 530);
  if (signatureImage) context.drawImage(signatureImage, 320, 540, 220, 110);
  context.fillStyle = ink;
  context.fillRect(330, 656, 200, 1);
  context.textAlign = 'center';
  context.fillStyle = brand;
  context.font = font(16, 'bold');
  context.fillText('新联 · 新的社会阶层人士联谊会', 430, 690);

  drawQr(context, qr, 72, 540, 150);
  context.fillStyle = muted;
  context.font = font(14);
  context.textAlign = 'center';
  context.fillText('扫码验证证书', 147, 712);

  context.textAlign = 'left';
  context.fillStyle = ink;
  context.font = font(18);
  context.fillText(`证书编号：${signature.serial}`, 72, 760);
  context.fillText(`签署日期：${certificateDate(signature.signedAt)}`, 72, 790);

  if (signature.status !== 'valid') {
    context.save();
    context.translate(centre, 420);
    context.rotate(-Math.PI / 8);
    context.globalAlpha = 0.35;
    context.strokeStyle = muted;
    context.lineWidth = 4;
    context.strokeRect(-170, -44, 340, 88);
    context.fillStyle = muted;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.font = font(40, 'bold');
    context.fillText(signatureStatusLabels[signature.status], 0, 0);
    context.restore();
  }
}
