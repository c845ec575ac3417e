import type { SignatureStatus } from '../../cloudfunctions/shared/contract/vocabulary';

export const verifyPagePath = 'package-pledge/verify/index';

const serialPattern = /XL-[0-9A-Z]{10}/i;
const wholeSerial = /^XL-[0-9A-Z]{10}$/;

/**
 * What a certificate's QR code encodes: in H5 a link that opens the verify page of this site; in the mini
 * program the verify page's path, which a scan inside the app resolves.
 */
export function verifyLink(serial: string, site: { origin: string; pathname: string } | null): string {
  const query = `serial=${encodeURIComponent(serial)}`;
  return site ? `${site.origin}${site.pathname}#/${verifyPagePath}?${query}` : `${verifyPagePath}?${query}`;
}

/** The serial inside whatever a scan or a paste produced (a link, a page path, or the bare serial). */
export function serialFromText(text: string): string | null {
  const found = serialPattern.exec(decodeURIComponent(text.replace(/%(?![0-9A-Fa-f]{2})/g, '%25')));
  return found ? found[0].toUpperCase() : null;
}

/** A typed serial, tidied like the server does; null when it cannot be one, so no request is sent. */
export function normaliseSerial(typed: string): string | null {
  const serial = typed.trim().toUpperCase();
  return wholeSerial.test(serial) ? serial : null;
}

export const serialFormatMessage = '证书编号格式不正确，应为 XL- 加 10 位字母数字';

export const statusTones: Record<SignatureStatus | 'unknown', 'success' | 'warning' | 'muted' | 'brand'> = {
  valid: 'success',
  superseded: 'warning',
  withdrawn: 'muted',
  unknown: 'brand',
};
