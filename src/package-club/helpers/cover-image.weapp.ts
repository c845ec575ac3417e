import Taro from '@tarojs/taro';
import { coverFits, coverQualities, coverTooLarge, coverWidth } from './cover-size';

function readBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (result) => resolve(String(result.data)),
      fail: () => reject(new Error('无法读取这张图片，请换一张')),
    });
  });
}

export async function pickCoverImage(): Promise<string | null> {
  let path: string | undefined;
  try {
    const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    path = picked.tempFilePaths[0];
  } catch {
    return null;
  }
  if (!path) return null;
  for (const quality of coverQualities) {
    const { tempFilePath } = await Taro.compressImage({ src: path, quality: Math.round(quality * 100), compressedWidth: coverWidth });
    const dataUrl = `data:image/jpeg;base64,${await readBase64(tempFilePath)}`;
    if (coverFits(dataUrl)) return dataUrl;
  }
  throw new Error(coverTooLarge);
}
