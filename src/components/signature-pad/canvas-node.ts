import Taro from '@tarojs/taro';

export interface CanvasNode {
  canvas: Taro.Canvas;
  /** The element's size in CSS pixels. */
  width: number;
  height: number;
}

/** The node of a weapp `<Canvas type="2d" id=…>`, once it is laid out; Taro renders it into the page, so a page query finds it. */
export function queryCanvasNode(id: string): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    Taro.nextTick(() => {
      // Runs outside the promise's executor: a throw here must still reach the caller as a rejection.
      try {
        Taro.createSelectorQuery()
          .select(`#${id}`)
          .fields({ node: true, size: true })
          .exec((results: { node?: Taro.Canvas; width?: number; height?: number }[] | undefined) => {
            const found = results?.[0];
            if (found?.node) resolve({ canvas: found.node, width: found.width ?? 0, height: found.height ?? 0 });
            else reject(new Error(`canvas #${id} not found`));
          });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

export function pixelRatio(): number {
  return Taro.getWindowInfo?.().pixelRatio ?? Taro.getSystemInfoSync().pixelRatio ?? 2;
}

/** A weapp 2d canvas as a PNG data URL: written to a temp file, then read back as base64. */
export async function weappCanvasToPng(canvas: Taro.Canvas): Promise<{ dataUrl: string; tempFilePath: string }> {
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas, fileType: 'png' });
  const base64 = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: tempFilePath,
      encoding: 'base64',
      success: (result) => resolve(String(result.data)),
      fail: reject,
    });
  });
  return { dataUrl: `data:image/png;base64,${base64}`, tempFilePath };
}
