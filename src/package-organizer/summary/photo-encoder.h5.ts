import { type CompressionStep, fitWithin } from '../helpers/summary-photos';

export async function readPicked(path: string): Promise<string> {
  const blob = await (await fetch(path)).blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('reading the photo failed'));
    reader.readAsDataURL(blob);
  });
}

function loadImage(path: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the photo could not be decoded'));
    image.src = path;
  });
}

export async function encodePhoto(path: string, step: CompressionStep): Promise<string> {
  const image = await loadImage(path);
  const size = fitWithin({ width: image.naturalWidth, height: image.naturalHeight }, step.maxEdge);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  // JPEG has no transparency: a transparent PNG would otherwise turn black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(image, 0, 0, size.width, size.height);
  return canvas.toDataURL('image/jpeg', step.quality);
}

export function readRemote(url: string): Promise<string> {
  return readPicked(url);
}
