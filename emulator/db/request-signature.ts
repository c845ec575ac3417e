import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Signer } from '@cloudbase/signature-nodejs';
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

/** A Signer holds only the credentials; one per key pair spares an allocation on every request. */
const signers = new Map<string, Signer>();

function signerFor(credentials: { secretId: string; secretKey: string }): Signer {
  const key = `${credentials.secretId}\n${credentials.secretKey}`;
  let signer = signers.get(key);
  if (!signer) {
    signer = new Signer({ secretId: credentials.secretId, secretKey: credentials.secretKey }, 'tcb');
    signers.set(key, signer);
  }
  return signer;
}

function rejected(reason: string): DatabaseError {
  return new DatabaseError('SIGN_PARAM_INVALID', `signature verification failed: ${reason}`);
}

/**
 * Verifies @cloudbase/node-sdk's TC3-HMAC-SHA256 request signature by recomputing it with the same library
 * (`Signer#tc3sign` over method, URL, the signed headers and the JSON body), as CloudBase's gateway does.
 */
export function verifySignature(request: SignedRequest, credentials: { secretId: string; secretKey: string }, nowSeconds: number): void {
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
    expected = String(signerFor(credentials).tc3sign(request.method.toLowerCase(), request.url, signedHeaders, request.params, timestamp, { withSignedParams: true }).signature);
  } catch (error) {
    throw rejected((error as Error).message);
  }
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    throw rejected('the signature does not match (wrong secretKey, or the request was altered)');
  }
}
