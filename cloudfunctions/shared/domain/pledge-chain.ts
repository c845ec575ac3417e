import { createHash } from 'node:crypto';
import type { ChainCheck } from '../contract/pledge';
import type { PledgeChainHeadDoc, PledgeSignatureDoc, PledgeWithdrawalDoc } from '../data/documents';

/**
 * The tamper-evident record of the pledge: signatures and withdrawals form one hash chain. Each entry's
 * hash covers the previous entry's hash, the canonical JSON of its immutable fields and, for a signature,
 * the SHA-256 of its image. `seq` is only the entry's position for paging; the `prevHash` links fix the order.
 */

/** The `prevHash` of the first entry. */
export const genesisHash = '0'.repeat(64);

export type ChainEntry = { kind: 'signature'; doc: PledgeSignatureDoc } | { kind: 'withdrawal'; doc: PledgeWithdrawalDoc };
export type ChainHead = Pick<PledgeChainHeadDoc, 'seq' | 'hash'>;
export type ChainProblem = NonNullable<ChainCheck['firstProblem']>;

type SignatureContent = Omit<PledgeSignatureDoc, 'seq' | 'prevHash' | 'hash' | 'imageSha256' | 'status' | 'withdrawnAt'>;
type WithdrawalContent = Omit<PledgeWithdrawalDoc, 'seq' | 'prevHash' | 'hash'>;

function canonicalValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, field]) => [key, canonicalValue(field)]));
  }
  return value;
}

/** JSON with keys sorted at every level and dates as ISO strings: the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value));
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function signatureContent(doc: SignatureContent): SignatureContent {
  return {
    _id: doc._id,
    serial: doc.serial,
    versionId: doc.versionId,
    version: doc.version,
    title: doc.title,
    memberId: doc.memberId,
    name: doc.name,
    employer: doc.employer,
    sector: doc.sector,
    platform: doc.platform,
    account: doc.account,
    orgIds: doc.orgIds,
    imageFileId: doc.imageFileId,
    signedAt: doc.signedAt,
  };
}

function withdrawalContent(doc: WithdrawalContent): WithdrawalContent {
  return { _id: doc._id, signatureId: doc.signatureId, serial: doc.serial, memberId: doc.memberId, withdrawnAt: doc.withdrawnAt };
}

export function signatureHash(prevHash: string, doc: SignatureContent & { imageSha256: string }): string {
  return sha256Hex(`${prevHash}\n${canonicalJson({ kind: 'signature', ...signatureContent(doc) })}\n${doc.imageSha256}`);
}

export function withdrawalHash(prevHash: string, doc: WithdrawalContent): string {
  return sha256Hex(`${prevHash}\n${canonicalJson({ kind: 'withdrawal', ...withdrawalContent(doc) })}\n`);
}

/** Places a new signature after the head: its position, link and hash. */
export function sealSignature(record: Omit<PledgeSignatureDoc, 'seq' | 'prevHash' | 'hash'>, head: ChainHead): PledgeSignatureDoc {
  return { ...record, seq: head.seq + 1, prevHash: head.hash, hash: signatureHash(head.hash, record) };
}

export function sealWithdrawal(record: Omit<PledgeWithdrawalDoc, 'seq' | 'prevHash' | 'hash'>, head: ChainHead): PledgeWithdrawalDoc {
  return { ...record, seq: head.seq + 1, prevHash: head.hash, hash: withdrawalHash(head.hash, record) };
}

export const emptyChainHead: ChainHead = { seq: 0, hash: genesisHash };

function entryHash(entry: ChainEntry): string {
  return entry.kind === 'signature' ? signatureHash(entry.doc.prevHash, entry.doc) : withdrawalHash(entry.doc.prevHash, entry.doc);
}

function entrySerial(entry: ChainEntry): string {
  return entry.doc.serial;
}

/**
 * Walks the chain entry by entry in `seq` order (fed page by page, so a long chain is never held as one
 * read) and names the first entry that does not fit: `altered` when its stored fields no longer give its
 * hash, `removed` when the entry it links to is missing, `reordered` when its link points at an entry
 * stored at another position. A signature whose status disagrees with the withdrawals on the chain counts
 * as altered, since `status` itself is the one mutable field.
 */
export class ChainVerifier {
  private checked = 0;
  private expectedPrevHash = genesisHash;
  private lastSeq = 0;
  private walkProblem: ChainProblem | null = null;
  private lastSerial: string | null = null;
  /** A link that matched nothing yet: reordered if some entry has that hash, else removed or re-sealed. */
  private brokenLink: { prevHash: string; seq: number; serial: string; previousSeq: number; previousSerial: string | null } | null = null;
  private readonly seenHashes = new Set<string>();
  private readonly signatures = new Map<string, { seq: number; serial: string; withdrawn: boolean }>();
  private readonly withdrawnIds = new Set<string>();
  private readonly statusProblems: ChainProblem[] = [];

  add(entry: ChainEntry): void {
    this.checked++;
    this.seenHashes.add(entry.doc.hash);
    this.trackStatus(entry);
    if (this.walkProblem || this.brokenLink) return;
    const { seq, prevHash, hash } = entry.doc;
    if (entryHash(entry) !== hash) {
      this.walkProblem = { seq, serial: entrySerial(entry), problem: 'altered' };
    } else if (prevHash !== this.expectedPrevHash) {
      this.brokenLink = { prevHash, seq, serial: entrySerial(entry), previousSeq: this.lastSeq, previousSerial: this.lastSerial };
    } else if (seq !== this.lastSeq + 1) {
      this.walkProblem = { seq, serial: entrySerial(entry), problem: 'reordered' };
    }
    this.expectedPrevHash = hash;
    this.lastSeq = seq;
    this.lastSerial = entrySerial(entry);
  }

  /** The verdict once every entry was added; `head` is the stored head, null when there is none. */
  result(head: ChainHead | null): ChainCheck {
    const problems = [...this.statusProblems];
    const walk = this.finishWalk(head ?? emptyChainHead);
    if (walk) problems.push(walk);
    for (const [id, signature] of this.signatures) {
      if (signature.withdrawn !== this.withdrawnIds.has(id)) problems.push({ seq: signature.seq, serial: signature.serial, problem: 'altered' });
    }
    problems.sort((a, b) => a.seq - b.seq);
    const firstProblem = problems[0] ?? null;
    return { intact: firstProblem === null, checked: this.checked, firstProblem };
  }

  private finishWalk(head: ChainHead): ChainProblem | null {
    if (this.walkProblem) return this.walkProblem;
    if (this.brokenLink) {
      const link = this.brokenLink;
      if (this.seenHashes.has(link.prevHash)) return { seq: link.seq, serial: link.serial, problem: 'reordered' };
      // No gap before the entry: the one before it was changed and its hash recomputed (a forgery), not removed.
      if (link.seq === link.previousSeq + 1 && link.previousSeq > 0) return { seq: link.previousSeq, serial: link.previousSerial, problem: 'altered' };
      return { seq: link.previousSeq + 1, serial: null, problem: 'removed' };
    }
    // Entries missing at the end leave no broken link behind them; the head still remembers them.
    if (head.seq > this.lastSeq) return { seq: this.lastSeq + 1, serial: null, problem: 'removed' };
    if (head.hash !== this.expectedPrevHash) return { seq: this.lastSeq, serial: null, problem: 'altered' };
    return null;
  }

  private trackStatus(entry: ChainEntry): void {
    if (entry.kind === 'signature') {
      this.signatures.set(entry.doc._id, { seq: entry.doc.seq, serial: entry.doc.serial, withdrawn: entry.doc.status === 'withdrawn' });
      return;
    }
    if (!this.signatures.has(entry.doc.signatureId)) {
      this.statusProblems.push({ seq: entry.doc.seq, serial: entry.doc.serial, problem: 'altered' });
    }
    this.withdrawnIds.add(entry.doc.signatureId);
  }
}

/** Checks a whole chain given in `seq` order. */
export function verifyChain(entries: ChainEntry[], head: ChainHead | null): ChainCheck {
  const verifier = new ChainVerifier();
  for (const entry of entries) verifier.add(entry);
  return verifier.result(head);
}
