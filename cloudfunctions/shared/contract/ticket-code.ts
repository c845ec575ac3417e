import { sha256 } from 'js-sha256';

/**
 * Rotating check-in codes, zod-free and shared by the member's phone (which draws them), the steward's phone
 * (which checks them offline) and the server (which redeems them). A code is
 * `XT1.<ticketId>.<step>.<mac>` for a ticket and `XV1.<eventId>.<step>.<mac>` for a venue's self check-in code:
 * `step` counts 30-second periods since the Unix epoch, `mac` is HMAC-SHA256 over `<id>.<step>` with the ticket's
 * (or venue's) secret, cut to 20 hex digits. A screenshot stops working within a minute and a half; nobody without
 * the secret can make one.
 */
export const codeStepSeconds = 30;
/** Steps back a code stays good (a phone that drew it a moment ago, a slow scan), and ahead (clock skew). */
export const codeStepsBack = 2;
export const codeStepsAhead = 1;

const macLength = 20;
const codePattern = /^(XT1|XV1)\.([A-Za-z0-9_-]{1,130})\.(\d{1,12})\.([0-9a-f]{20})$/;

export type CodeKind = 'ticket' | 'venue';

export interface ParsedCode {
  kind: CodeKind;
  /** The ticket id (a registration id) or, for a venue code, the event id. */
  id: string;
  step: number;
  mac: string;
}

export type CodeCheck = 'valid' | 'expired' | 'forged';

export function timeStep(at: Date | number): number {
  return Math.floor((typeof at === 'number' ? at : at.getTime()) / 1000 / codeStepSeconds);
}

function macOf(secret: string, id: string, step: number): string {
  return sha256.hmac(secret, `${id}.${step}`).slice(0, macLength);
}

export function makeCode(kind: CodeKind, id: string, secret: string, at: Date | number): string {
  const step = timeStep(at);
  return `${kind === 'ticket' ? 'XT1' : 'XV1'}.${id}.${step}.${macOf(secret, id, step)}`;
}

/** null for anything that is not one of our codes (a scanner's stray input, another app's QR). */
export function parseCode(text: string): ParsedCode | null {
  const match = codePattern.exec(text.trim());
  if (!match) return null;
  return { kind: match[1] === 'XT1' ? 'ticket' : 'venue', id: match[2], step: Number(match[3]), mac: match[4] };
}

/** Forged beats expired: a code whose mac is wrong says nothing about its time. */
export function checkCode(code: ParsedCode, secret: string, at: Date | number): CodeCheck {
  if (macOf(secret, code.id, code.step) !== code.mac) return 'forged';
  const now = timeStep(at);
  return code.step >= now - codeStepsBack && code.step <= now + codeStepsAhead ? 'valid' : 'expired';
}

/** The per-ticket (or per-venue) secret the server derives from its own key, so it stores none of them. */
export function deriveSecret(serverKey: string, kind: CodeKind, id: string): string {
  return sha256.hmac(serverKey, `${kind}:${id}`);
}
