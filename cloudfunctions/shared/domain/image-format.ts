export type ImageFormat = 'png' | 'jpeg';

const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const jpegMagic = Buffer.from([0xff, 0xd8, 0xff]);

/** PNG or JPEG by the file's magic bytes, never by what the client claims; null for anything else. */
export function imageFormatOf(bytes: Buffer): ImageFormat | null {
  if (bytes.subarray(0, pngMagic.length).equals(pngMagic)) return 'png';
  if (bytes.subarray(0, jpegMagic.length).equals(jpegMagic)) return 'jpeg';
  return null;
}

/** The file name extension an image of the format is stored under, so storage serves it with the right type. */
export function imageExtension(format: ImageFormat): 'png' | 'jpg' {
  return format === 'png' ? 'png' : 'jpg';
}

/** The bytes of a base64 image, with or without a `data:image/...;base64,` prefix. */
export function decodeBase64Image(encoded: string): Buffer {
  const comma = encoded.startsWith('data:') ? encoded.indexOf(',') : -1;
  return Buffer.from(comma >= 0 ? encoded.slice(comma + 1) : encoded, 'base64');
}
