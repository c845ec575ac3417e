import Taro from '@tarojs/taro';
import { coverFits, coverQualities, coverTooLarge, coverWidth } from './cover-size';

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('无法读取这张图片，请换一张'));
    image.src = src;
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
  const image = await loadImage(path);
  const scale = Math.min(1, coverWidth / image.naturalWidth);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.naturalWidth * scale);
  canvas.height = Math.round(image.naturalHeight * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('无法读取这张图片，请换一张');
  // JPEG has no transparency: a transparent PNG would otherwise turn black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  for (const quality of coverQualities) {
    const dataUrl = canvas.toDataURL('image/jpeg', quality);
    if (coverFits(dataUrl)) return dataUrl;
  }
  throw new Error(coverTooLarge);
}
