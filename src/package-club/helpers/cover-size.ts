import { clubLimits } from '../../../cloudfunctions/shared/contract/club-limits';

/** A cover is shown at most ~200 px wide; 600 px keeps it sharp on dense screens. */
export const coverWidth = 600;
/** JPEG qualities tried in turn until the photo fits. */
export const coverQualities = [0.82, 0.7, 0.55, 0.4];
export const coverTooLarge = '这张图片压缩后仍超过 1 MB，请换一张';

/** The server's limits on a cover: the data URL's length and the decoded bytes. */
export function coverFits(dataUrl: string): boolean {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return dataUrl.length <= clubLimits.coverDataUrl && Math.floor((base64.length * 3) / 4) <= clubLimits.coverBytes;
}
