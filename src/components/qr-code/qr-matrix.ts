import QRCode from 'qrcode';

/**
 * The dark modules of a QR code, row by row, at error correction level M. The text goes in as bytes, because qrcode
 * turns strings into bytes with TextEncoder, which older WeChat engines lack; check-in codes and certificate links are ASCII.
 */
export function qrMatrix(text: string): boolean[][] {
  const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
  const { modules } = QRCode.create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, column) => Boolean(modules.get(row, column))));
}
