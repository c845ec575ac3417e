/**
 * The text field a USB or Bluetooth barcode scanner types into. A scanner is a keyboard: it types the code and
 * then Enter. At a Chinese desk the input method may be on, and in its full-width mode the dots of a code arrive
 * as "。" or "．" and letters as full-width forms; those are turned back before the code is checked.
 */

const fullWidthStart = 0xff01;
const fullWidthEnd = 0xff5e;
const fullWidthShift = 0xfee0;

// Scanners may send a CR, LF or tab as the suffix, and some a control character as the prefix: each becomes a space.
function isControl(point: number): boolean {
  return point < 0x20 || point === 0x7f;
}

function normalize(text: string): string {
  let result = '';
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    if (isControl(point)) result += ' ';
    else if (char === '。' || char === '｡') result += '.';
    else if (point >= fullWidthStart && point <= fullWidthEnd) result += String.fromCodePoint(point - fullWidthShift);
    else if (char === '\u3000') result += ' ';
    else result += char;
  }
  return result;
}

/** The code in what the scanner typed: half-width, trimmed, without stray control characters; null when nothing is left. */
export function scannedCode(raw: string): string | null {
  const cleaned = normalize(raw).trim();
  return cleaned === '' ? null : cleaned;
}

export interface FieldChange {
  /** Complete codes to redeem now, in the order typed: each was followed by a line break. */
  submit: string[];
  /** What stays in the field: the part after the last line break. */
  rest: string;
}

/**
 * A new value of the field. Usually the scanner's Enter arrives as the field's confirm event; but a pasted line,
 * or a scanner that sends LF, lands in the value itself, and that submits too.
 */
export function scannerFieldChange(value: string): FieldChange {
  const lines = value.split(/\r\n|\r|\n/);
  const rest = lines.pop() ?? '';
  return { submit: lines.map(scannedCode).filter((code): code is string => code !== null), rest };
}

/**
 * One nonce per code until the server has answered it: when an answer is lost and the same code is sent again,
 * it is the same scan. Once answered, the next scan of that code is a new scan (and hears "already checked in").
 */
export class PendingNonces {
  private readonly pending = new Map<string, string>();

  constructor(private readonly make: () => string) {}

  nonceFor(code: string): string {
    const existing = this.pending.get(code);
    if (existing) return existing;
    const nonce = this.make();
    this.pending.set(code, nonce);
    return nonce;
  }

  answered(code: string): void {
    this.pending.delete(code);
  }
}

/** What makes two sightings the same scan: the ticket (or venue) a code is for, since the code itself rotates. */
export function scanKey(text: string): string {
  const match = /^(XT1|XV1)\.([^.]+)\./.exec(text.trim());
  return match ? `${match[1]}.${match[2]}` : text.trim();
}

/**
 * A camera sees the phone in front of it many times a second, and that phone's code changes every 30 s: one
 * person is one scan until their code has been out of sight for `quietMs`.
 */
export class CameraRepeatFilter {
  private lastKey = '';
  private lastSeenAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly quietMs: number) {}

  /** True when this sighting is a new scan. */
  sighted(text: string, at: number): boolean {
    const key = scanKey(text);
    const fresh = key !== this.lastKey || at - this.lastSeenAt > this.quietMs;
    this.lastKey = key;
    this.lastSeenAt = at;
    return fresh;
  }
}
