import Taro from '@tarojs/taro';
import { type CompressionStep, fitWithin, toPhotoDataUrl } from '../helpers/summary-photos';

function readBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (result) => resolve(String(result.data)),
      fail: reject,
    });
  });
}

/** A data URL whose header matches the bytes; an empty header when they are neither PNG nor JPEG (the page says so). */
async function dataUrlOf(filePath: string): Promise<string> {
  const base64 = await readBase64(filePath);
  return toPhotoDataUrl(base64) ?? `data:application/octet-stream;base64,${base64}`;
}

export function readPicked(path: string): Promise<string> {
  return dataUrlOf(path);
}

export async function encodePhoto(path: string, step: CompressionStep): Promise<string> {
  const info = await Taro.getImageInfo({ src: path });
  const size = fitWithin({ width: info.width, height: info.height }, step.maxEdge);
  // One edge only: the other follows proportionally, so a photo WeChat reports rotated is never stretched.
  const edge = info.width >= info.height ? { compressedWidth: size.width } : { compressedHeight: size.height };
  const { tempFilePath } = await Taro.compressImage({ src: path, quality: Math.round(step.quality * 100), ...edge });
  return dataUrlOf(tempFilePath);
}

export async function readRemote(url: string): Promise<string> {
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error(`downloading a posted photo answered ${statusCode}`);
  return dataUrlOf(tempFilePath);
}
