import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { DatabaseError } from './errors';

/** The SDK sends `X-Signature-Expires: 600`; a signature is accepted for that long either side of its timestamp. */
const signatureValiditySeconds = 600;

const authorizationPattern =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request,(?: SignedParams=([^,]*),)? SignedHeaders=([^,]+), Signature=([0-9a-f]+)$/;

export interface SignedRequest {
  method: string;
  /** The URL as the client signed it: `http://<Host header><path and query>`. */
  url: string;
  headers: IncomingHttpHeaders;
  params: Record<string, unknown>;
}

interface Credentials {
  secretId: string;
  secretKey: string;
}

function rejected(reason: string): DatabaseError {
  return new DatabaseError('SIGN_PARAM_INVALID', `signature verification failed: ${reason}`);
}

/** `compute()` for `key`, remembered in `cache`; a cache that reaches `limit` entries starts again. */
function remembered<V>(cache: Map<string, V>, limit: number, key: string, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/**
 * @cloudbase/signature-nodejs sorts keys with `localeCompare`, which orders punctuation unlike code points; the
 * same few key sets (the SDK's headers, each action's parameters) come back on every request, so their order is kept.
 */
const sortedKeySets = new Map<string, string[]>();

function sortedKeys(keys: string[]): string[] {
  return remembered(sortedKeySets, 1000, keys.join('\n'), () => [...keys].sort((left, right) => left.localeCompare(right)));
}

const signedKeys = new Map<string, string>();

/** The library's `camSafeUrlEncode` of a lower-cased, trimmed key; the same few names come on every request. */
function signedKey(key: string): string {
  return remembered(signedKeys, 1000, key, () =>
    encodeURIComponent(key.toLowerCase().trim()).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`));
}

function signedValue(value: unknown): string {
  return (typeof value === 'string' ? value : JSON.stringify(value)).trim();
}

/** The TC3 signing key of one secret for one UTC day: three HMACs that every request of that day shares. */
const signingKeys = new Map<string, Buffer>();

function signingKey(secretKey: string, date: string): Buffer {
  return remembered(signingKeys, 16, `${date}\n${secretKey}`, () => {
    const secretDate = createHmac('sha256', `TC3${secretKey}`).update(date).digest();
    const secretService = createHmac('sha256', secretDate).update('tcb').digest();
    return createHmac('sha256', secretService).update('tc3_request').digest();
  });
}

/**
 * The signature @cloudbase/signature-nodejs's `Signer#tc3sign` makes for a JSON request signed with its parameters
 * (what the SDK sends): the canonical request over method, URL, the signed headers and a hash of the sorted
 * parameters, signed with the day's key. Written out rather than calling the library: the library clones its input
 * and re-sorts keys with `localeCompare` on every call, and the check should not lean on the patch it checks
 * (patches/README.md); the tests hold this to the library.
 */
export function tc3Signature(request: { method: string; url: string; headers: Record<string, string>; params: Record<string, unknown> }, secretKey: string, timestamp: number): string {
  const headerValues = new Map<string, string>();
  for (const name of Object.keys(request.headers)) {
    const key = signedKey(name);
    const value = request.headers[name];
    headerValues.set(key, key === 'content-type' ? (value.startsWith('multipart/form-data') ? 'multipart/form-data' : value) : value.trim().toLowerCase());
  }
  const headerNames = sortedKeys([...headerValues.keys()]);
  const unschemed = request.url.replace(/^https?:/, '');
  const queryStart = unschemed.indexOf('?');
  const signedUrl = queryStart < 0 ? unschemed : unschemed.slice(0, queryStart);
  const query = queryStart < 0 ? '' : unschemed.slice(queryStart + 1).split('#')[0];
  const host = /^\/\/([^/?#]*)/.exec(signedUrl)?.[1] ?? '';
  if (headerValues.get('host') !== host) throw new TypeError(`host:${host} in url must be equals to host:${headerValues.get('host')} in headers`);
  if (!headerValues.get('content-type')) throw new TypeError('content-type field must in headers');

  const paramValues = new Map<string, string>();
  if (request.method.toUpperCase() !== 'GET') {
    for (const name of Object.keys(request.params)) {
      const value = request.params[name];
      if (name && value !== undefined) paramValues.set(signedKey(name), signedValue(value));
    }
  }
  // One update() per digest: each call crosses into OpenSSL, which cost more than hashing the pieces as one string.
  let payload = '';
  for (const key of sortedKeys([...paramValues.keys()])) {
    const value = paramValues.get(key)!;
    if (value) payload += `&${key}=${value}\r\n`;
  }
  const canonicalHeaders = headerNames.map((name) => `${name}:${headerValues.get(name)}`).join('\n');
  const canonicalRequest = `${request.method}\n${signedUrl}\n${query}\n${canonicalHeaders}\n\n${headerNames.join(';')}\n${createHash('sha256').update(payload).digest('hex')}`;
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/tcb/tc3_request\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  return createHmac('sha256', signingKey(secretKey, date)).update(stringToSign).digest('hex');
}

/** Verifies @cloudbase/node-sdk's TC3-HMAC-SHA256 request signature by recomputing it, as CloudBase's gateway does. */
export function verifySignature(request: SignedRequest, credentials: Credentials, nowSeconds: number): void {
  const authorization = request.headers.authorization;
  if (typeof authorization !== 'string' || authorization === '') throw rejected('the Authorization header is missing');
  const parts = authorizationPattern.exec(authorization);
  if (!parts) throw rejected('the Authorization header is not a TC3-HMAC-SHA256 signature');
  const [, secretId, , , signedHeaderList, signature] = parts;
  if (secretId !== credentials.secretId) throw rejected('unknown secretId');
  const timestamp = Number(request.headers['x-timestamp']);
  if (!Number.isInteger(timestamp)) throw rejected('the X-Timestamp header is missing');
  if (Math.abs(nowSeconds - timestamp) > signatureValiditySeconds) throw rejected('the signature has expired (X-Timestamp is more than 600 s away)');
  const signedHeaders: Record<string, string> = {};
  for (const name of signedHeaderList.split(';')) {
    const value = request.headers[name];
    if (typeof value !== 'string') throw rejected(`signed header ${name} is missing`);
    signedHeaders[name] = value;
  }
  let expected: string;
  try {
    expected = tc3Signature({ method: request.method.toLowerCase(), url: request.url, headers: signedHeaders, params: request.params }, credentials.secretKey, timestamp);
  } catch (error) {
    throw rejected((error as Error).message);
  }
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    throw rejected('the signature does not match (wrong secretKey, or the request was altered)');
  }
}
