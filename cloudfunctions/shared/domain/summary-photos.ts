import { randomBytes } from 'node:crypto';
import { eventLimits } from '../contract/event-limits';
import { AppError } from './app-error';
import { decodeBase64Image, imageExtension, imageFormatOf, type ImageFormat } from './image-format';

/** A photo of a posted summary that passed the checks: its bytes, as stored in file storage. */
export interface SummaryPhoto {
  format: ImageFormat;
  bytes: Buffer;
}

/**
 * Checks the photos of a summary, each by its bytes: not empty, within the byte limit, PNG or JPEG by its magic
 * bytes. Throws SUMMARY_PHOTO_* naming the photo (`photos.<index>`). Photos are not decoded: a phone photo may be
 * many megapixels, and storage only serves the bytes back.
 */
export function readSummaryPhotos(encoded: string[]): SummaryPhoto[] {
  return encoded.map((photo, index) => {
    const field = `photos.${index}`;
    const bytes = decodeBase64Image(photo);
    if (bytes.length > eventLimits.summaryPhotoBytes) throw new AppError('SUMMARY_PHOTO_TOO_LARGE', undefined, field);
    const format = imageFormatOf(bytes);
    if (!format) throw new AppError('SUMMARY_PHOTO_INVALID', undefined, field);
    return { format, bytes };
  });
}

/** A new id for every post of a summary; its photos are stored under it. */
export function newSummaryPostId(): string {
  return randomBytes(8).toString('hex');
}

/** Under the post's own id, so a post never overwrites, or shares a file with, the summary it replaces. */
export function summaryPhotoPath(eventId: string, postId: string, index: number, format: ImageFormat): string {
  return `event-summaries/${eventId}/${postId}/${index + 1}.${imageExtension(format)}`;
}
