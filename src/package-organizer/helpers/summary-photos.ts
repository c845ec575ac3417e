import type { EventDetail } from '../../../cloudfunctions/shared/contract/events';
import { eventLimits } from '../../../cloudfunctions/shared/contract/event-limits';
import { formatDateTime } from '../../utils/time';

export type PhotoFormat = 'jpeg' | 'png';

export interface Size {
  width: number;
  height: number;
}

/** One attempt at encoding a photo: its longer edge at most `maxEdge` pixels, as JPEG at `quality` (0–1). */
export interface CompressionStep {
  maxEdge: number;
  quality: number;
}

/**
 * Tried in order until a photo fits: quality falls first (cheap on detail), then the size. 1,280 px still fills a
 * phone screen in the preview; the last steps are for very busy pictures.
 */
export const compressionSteps: CompressionStep[] = [
  { maxEdge: 1600, quality: 0.82 },
  { maxEdge: 1600, quality: 0.68 },
  { maxEdge: 1280, quality: 0.7 },
  { maxEdge: 1280, quality: 0.55 },
  { maxEdge: 1024, quality: 0.55 },
  { maxEdge: 1024, quality: 0.4 },
  { maxEdge: 800, quality: 0.4 },
  { maxEdge: 640, quality: 0.35 },
];

/** The size to draw at: the longer edge brought down to `maxEdge`, the proportions kept, never enlarged. */
export function fitWithin(size: Size, maxEdge: number): Size {
  const longer = Math.max(size.width, size.height);
  if (longer <= maxEdge || longer <= 0) return { width: Math.max(1, Math.round(size.width)), height: Math.max(1, Math.round(size.height)) };
  const scale = maxEdge / longer;
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

function payloadOf(encoded: string): string {
  return encoded.startsWith('data:') ? encoded.slice(encoded.indexOf(',') + 1) : encoded;
}

/** The bytes a base64 image (data URL or bare) decodes to: what the function weighs against the limit. */
export function base64Bytes(encoded: string): number {
  const payload = payloadOf(encoded);
  const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0;
  return Math.floor((payload.length * 3) / 4) - padding;
}

/** PNG or JPEG by the first bytes (as the function checks), whatever the data URL's header claims. */
export function photoFormatOf(encoded: string): PhotoFormat | null {
  const payload = payloadOf(encoded);
  if (payload.startsWith('/9j/')) return 'jpeg';
  if (payload.startsWith('iVBORw0KGgo')) return 'png';
  return null;
}

/** A bare base64 image as a data URL with the header its bytes call for; null when it is neither PNG nor JPEG. */
export function toPhotoDataUrl(encoded: string): string | null {
  const format = photoFormatOf(encoded);
  return format ? `data:image/${format};base64,${payloadOf(encoded)}` : null;
}

/** Whether the picked file may travel as it is: small enough already, so re-encoding would only lose detail. */
export function sendsAsPicked(pickedBytes: number, limit: number = eventLimits.summaryPhotoBytes): boolean {
  return pickedBytes > 0 && pickedBytes <= limit;
}

/**
 * The step to try after `index` produced `bytes`: null when it fits (or nothing is left to try). Far over the
 * limit (more than twice), lowering the quality at the same size rarely suffices, so it moves to a smaller size.
 */
export function nextStepIndex(index: number, bytes: number, limit: number = eventLimits.summaryPhotoBytes): number | null {
  if (bytes <= limit) return null;
  const next = index + 1;
  if (next >= compressionSteps.length) return null;
  if (bytes > 2 * limit) {
    const smaller = compressionSteps.findIndex((step, at) => at > index && step.maxEdge < compressionSteps[index].maxEdge);
    return smaller === -1 ? next : smaller;
  }
  return next;
}

export interface Compressed {
  dataUrl: string;
  bytes: number;
  /** The steps tried, in order (their indexes in compressionSteps). */
  tried: number[];
}

/**
 * Encodes with `encode` step after step until the result fits the limit; null when even the smallest step does
 * not (the page asks for another photo). `encode` returns a data URL.
 */
export async function compressToFit(
  encode: (step: CompressionStep) => Promise<string>,
  limit: number = eventLimits.summaryPhotoBytes,
): Promise<Compressed | null> {
  const tried: number[] = [];
  let index: number | null = 0;
  while (index !== null) {
    tried.push(index);
    const dataUrl = await encode(compressionSteps[index]);
    const bytes = base64Bytes(dataUrl);
    if (bytes <= limit && photoFormatOf(dataUrl)) return { dataUrl, bytes, tried };
    index = nextStepIndex(index, bytes, limit);
  }
  return null;
}

/** How many more photos may be picked. */
export function photosLeft(count: number): number {
  return Math.max(0, eventLimits.summaryPhotos - count);
}

export interface SummaryProblem {
  field: 'text' | 'photos';
  message: string;
}

/** What the server would refuse in the typed summary, checked before the photos travel. */
export function summaryProblems(text: string, photoCount: number): SummaryProblem[] {
  const problems: SummaryProblem[] = [];
  const trimmed = text.trim();
  if (!trimmed) problems.push({ field: 'text', message: '请填写活动回顾' });
  else if (trimmed.length > eventLimits.summaryText) problems.push({ field: 'text', message: `活动回顾不能超过 ${eventLimits.summaryText} 个字` });
  if (photoCount > eventLimits.summaryPhotos) problems.push({ field: 'photos', message: `照片不能超过 ${eventLimits.summaryPhotos} 张` });
  return problems;
}

/** A refusal of postSummary in words that say what to do next. */
export function summaryFailureText(code: string, message: string): string {
  switch (code) {
    case 'EVENT_NOT_ENDED':
      return '活动还没有结束，结束后才能发布活动回顾';
    case 'EVENT_CANCELLED':
      return '活动已取消，不能发布活动回顾';
    case 'SUMMARY_PHOTO_INVALID':
      return '有照片格式不正确（仅支持 PNG 或 JPEG），请删除后重新选择';
    case 'SUMMARY_PHOTO_TOO_LARGE':
      return `有照片超过 ${eventLimits.summaryPhotoBytes / 1024} KB，请删除后重新选择`;
    case 'FORBIDDEN':
      return '只有主办组织的组织者可以发布活动回顾';
    case 'NETWORK':
      return '网络异常，照片未能上传，请稍后重试';
    default:
      return message;
  }
}

/** Why no summary can be posted for the event yet (the server's rule, told before anything is typed); null when it can. */
export function summaryBlocker(event: Pick<EventDetail, 'status' | 'endAt'>, now: Date): string | null {
  if (event.status === 'cancelled') return '活动已取消，不能发布活动回顾。';
  if (event.status === 'draft') return '活动尚未发布，不能发布活动回顾。';
  if (now.getTime() < Date.parse(event.endAt)) return `活动结束（${formatDateTime(event.endAt, now)}）后才能发布活动回顾。`;
  return null;
}

/** A photo on the 发布活动回顾 page: one already posted (kept unless removed), or one picked and being compressed. */
export interface PhotoDraft {
  key: string;
  /** What the thumbnail shows: the posted photo's URL or the picked file's temporary path. */
  path: string;
  origin: 'posted' | 'picked';
  state: 'compressing' | 'ready' | 'failed';
  /** The picked photo, compressed; posted photos are read again when the summary is sent. */
  dataUrl: string | null;
  problem: string | null;
}

let photoSequence = 0;
function nextPhotoKey(): string {
  photoSequence += 1;
  return `photo-${photoSequence}`;
}

export function postedPhotoDrafts(photoUrls: string[]): PhotoDraft[] {
  return photoUrls.map((path) => ({ key: nextPhotoKey(), path, origin: 'posted', state: 'ready', dataUrl: null, problem: null }));
}

export function pickedPhotoDrafts(paths: string[]): PhotoDraft[] {
  return paths.map((path) => ({ key: nextPhotoKey(), path, origin: 'picked', state: 'compressing', dataUrl: null, problem: null }));
}

/** The words under a photo that could not be made small enough or read. */
export const photoTooLargeText = `压缩后仍超过 ${eventLimits.summaryPhotoBytes / 1024} KB，请换一张`;
export const photoUnreadableText = '无法读取这张照片，请换一张';

/** Whether the summary may be sent: nothing still compressing and no photo that failed. */
export function photosBlocker(photos: PhotoDraft[]): string | null {
  if (photos.some((photo) => photo.state === 'compressing')) return '照片正在压缩，请稍候';
  if (photos.some((photo) => photo.state === 'failed')) return '有照片无法使用，请删除后再发布';
  return null;
}
