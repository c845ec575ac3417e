import { createHmac, timingSafeEqual } from 'node:crypto';

/** A signed URL allows one kind of access: PUT uploads a file, GET (and HEAD) reads it. */
export type FileAccess = 'PUT' | 'GET';

export interface FileUrlGrant {
  access: FileAccess;
  bucket: string;
  cloudPath: string;
  /** Unix seconds after which the URL is refused. */
  expiresAt: number;
}

function grantSignature(grant: FileUrlGrant, secretKey: string): string {
  return createHmac('sha256', secretKey)
    .update(['xinlian-storage-url', grant.access, grant.bucket, grant.cloudPath, String(grant.expiresAt)].join('\n'))
    .digest('hex');
}

/**
 * The URL of a file on the host at `origin`, valid for `grant`. The cloud path stays unencoded, as in CloudBase's
 * temp URLs, because the SDK runs `encodeURI` over a temp URL before fetching it.
 */
export function signedFileUrl(origin: string, grant: FileUrlGrant, secretKey: string): string {
  return `${origin}/storage/${grant.bucket}/${grant.cloudPath}?sign=${grantSignature(grant, secretKey)}&t=${grant.expiresAt}`;
}

export type GrantCheck = 'valid' | 'expired' | 'forged';

export function checkGrant(grant: FileUrlGrant, signature: string | null, secretKey: string, nowSeconds: number): GrantCheck {
  const expected = Buffer.from(grantSignature(grant, secretKey));
  const given = Buffer.from(signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  return nowSeconds > grant.expiresAt ? 'expired' : 'valid';
}
