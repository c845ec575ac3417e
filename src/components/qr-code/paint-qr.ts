/** The white margin the QR standard asks for, in modules: without it cameras often miss the finder patterns. */
export const quietZoneModules = 4;

/** The part of a 2d context painting needs: the same in H5 and in a weapp `Canvas type="2d"`. */
export interface QrPainter {
  fillStyle: string | CanvasGradient | CanvasPattern;
  fillRect(x: number, y: number, width: number, height: number): void;
}

/**
 * Paints black modules on white over a `size`×`size` square of device pixels, quiet zone included. Module edges are
 * rounded to whole pixels, so squares stay sharp (no grey seams a camera has to guess at) at any size.
 */
export function paintQr(context: QrPainter, matrix: boolean[][], size: number): void {
  const span = matrix.length + quietZoneModules * 2;
  const edge = (module: number) => Math.round((module * size) / span);
  context.fillStyle = '#FFFFFF';
  context.fillRect(0, 0, size, size);
  context.fillStyle = '#000000';
  matrix.forEach((row, rowIndex) => {
    const top = edge(rowIndex + quietZoneModules);
    const bottom = edge(rowIndex + quietZoneModules + 1);
    row.forEach((dark, columnIndex) => {
      if (!dark) return;
      const left = edge(columnIndex + quietZoneModules);
      context.fillRect(left, top, edge(columnIndex + quietZoneModules + 1) - left, bottom - top);
    });
  });
}
