import type { PledgeSignatureDoc, PledgeWithdrawalDoc } from '../../cloudfunctions/shared/data/documents';
import {
  canonicalJson,
  emptyChainHead,
  genesisHash,
  sealSignature,
  sealWithdrawal,
  verifyChain,
  type ChainEntry,
  type ChainHead,
} from '../../cloudfunctions/shared/domain/pledge-chain';

const signedAt = new Date('2026-11-20T02:00:00Z');

function record(n: number): Omit<PledgeSignatureDoc, 'seq' | 'prevHash' | 'hash'> {
  return {
    _id: `pledge-v1_m-${n}`,
    serial: `XL-AAAAAAAA${String(n).padStart(2, '2')}`,
    versionId: 'pledge-v1',
    version: 1,
    title: '新媒体从业人员自律公约',
    memberId: `m-${n}`,
    name: `会员${n}`,
    employer: '工作室',
    sector: 'newmedia',
    platform: '视频号',
    account: `account-${n}`,
    orgIds: ['org-general', 'org-sector-newmedia'],
    imageFileId: `cloud://env.bucket/pledge-signatures/${n}.png`,
    imageSha256: String(n).repeat(64).slice(0, 64),
    signedAt: new Date(signedAt.getTime() + n * 60_000),
    status: 'valid',
    withdrawnAt: null,
  };
}

/** A chain of `count` signatures, with the signatures listed in `withdrawn` withdrawn right after them. */
function buildChain(count: number, withdrawn: number[] = []): { entries: ChainEntry[]; head: ChainHead } {
  const entries: ChainEntry[] = [];
  let head = emptyChainHead;
  for (let n = 1; n <= count; n++) {
    const signature = sealSignature(record(n), head);
    entries.push({ kind: 'signature', doc: signature });
    head = signature;
    if (withdrawn.includes(n)) {
      signature.status = 'withdrawn';
      signature.withdrawnAt = new Date(signature.signedAt.getTime() + 1000);
      const withdrawal: PledgeWithdrawalDoc = sealWithdrawal(
        { _id: signature._id, signatureId: signature._id, serial: signature.serial, memberId: signature.memberId, withdrawnAt: signature.withdrawnAt },
        head,
      );
      entries.push({ kind: 'withdrawal', doc: withdrawal });
      head = withdrawal;
    }
  }
  return { entries, head: { seq: head.seq, hash: head.hash } };
}

function signatureAt(entries: ChainEntry[], seq: number): PledgeSignatureDoc {
  const entry = entries.find((candidate) => candidate.doc.seq === seq);
  if (entry?.kind !== 'signature') throw new Error(`no signature at ${seq}`);
  return entry.doc;
}

describe('canonicalJson', () => {
  it('sorts keys at every level and writes dates as ISO instants', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: new Date('2026-01-01T00:00:00Z') } })).toBe(
      '{"a":{"c":"2026-01-01T00:00:00.000Z","d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('sealSignature', () => {
  it('links each entry to the previous hash and numbers it after the head', () => {
    const { entries } = buildChain(3);
    expect(entries.map((entry) => entry.doc.seq)).toEqual([1, 2, 3]);
    expect(entries[0].doc.prevHash).toBe(genesisHash);
    expect(entries[1].doc.prevHash).toBe(entries[0].doc.hash);
    expect(new Set(entries.map((entry) => entry.doc.hash)).size).toBe(3);
  });

  it('covers the image hash and every immutable field, not the status', () => {
    const base = sealSignature(record(1), emptyChainHead);
    expect(sealSignature({ ...record(1), imageSha256: 'f'.repeat(64) }, emptyChainHead).hash).not.toBe(base.hash);
    expect(sealSignature({ ...record(1), name: '别人' }, emptyChainHead).hash).not.toBe(base.hash);
    expect(sealSignature({ ...record(1), orgIds: ['org-general'] }, emptyChainHead).hash).not.toBe(base.hash);
    expect(sealSignature({ ...record(1), status: 'withdrawn', withdrawnAt: signedAt }, emptyChainHead).hash).toBe(base.hash);
  });
});

describe('verifyChain', () => {
  it('finds an intact chain intact, withdrawals included', () => {
    const { entries, head } = buildChain(5, [2, 4]);
    expect(verifyChain(entries, head)).toEqual({ intact: true, checked: 7, firstProblem: null });
    expect(verifyChain([], null)).toEqual({ intact: true, checked: 0, firstProblem: null });
  });

  it('names an altered record', () => {
    const { entries, head } = buildChain(5);
    signatureAt(entries, 3).name = '篡改';
    expect(verifyChain(entries, head)).toEqual({ intact: false, checked: 5, firstProblem: { seq: 3, serial: signatureAt(entries, 3).serial, problem: 'altered' } });
  });

  it('names an altered image hash', () => {
    const { entries, head } = buildChain(4);
    signatureAt(entries, 2).imageSha256 = 'e'.repeat(64);
    expect(verifyChain(entries, head).firstProblem).toMatchObject({ seq: 2, problem: 'altered' });
  });

  it('names a record whose hash was recomputed after the change, by the link after it', () => {
    const { entries, head } = buildChain(4);
    const forged = sealSignature({ ...record(2), name: '篡改' }, { seq: 1, hash: entries[0].doc.hash });
    entries[1] = { kind: 'signature', doc: forged };
    expect(verifyChain(entries, head).firstProblem).toEqual({ seq: 2, serial: forged.serial, problem: 'altered' });
  });

  it('names a removed record by its position, in the middle or at the end', () => {
    const middle = buildChain(5);
    expect(verifyChain(middle.entries.filter((entry) => entry.doc.seq !== 3), middle.head).firstProblem).toEqual({ seq: 3, serial: null, problem: 'removed' });
    const end = buildChain(5);
    expect(verifyChain(end.entries.slice(0, 4), end.head).firstProblem).toEqual({ seq: 5, serial: null, problem: 'removed' });
  });

  it('names reordered records when two swap positions', () => {
    const { entries, head } = buildChain(5);
    const third = signatureAt(entries, 3);
    const fourth = signatureAt(entries, 4);
    [third.seq, fourth.seq] = [4, 3];
    const bySeq = [...entries].sort((a, b) => a.doc.seq - b.doc.seq);
    expect(verifyChain(bySeq, head).firstProblem).toEqual({ seq: 3, serial: fourth.serial, problem: 'reordered' });
  });

  it('names a record renumbered without moving', () => {
    const { entries, head } = buildChain(3);
    signatureAt(entries, 2).seq = 7;
    expect(verifyChain(entries, head).firstProblem).toMatchObject({ seq: 7, problem: 'reordered' });
  });

  it('names a signature whose status disagrees with the withdrawals', () => {
    const revived = buildChain(4, [2]);
    signatureAt(revived.entries, 2).status = 'valid';
    expect(verifyChain(revived.entries, revived.head).firstProblem).toMatchObject({ seq: 2, problem: 'altered' });
    const falselyWithdrawn = buildChain(4);
    signatureAt(falselyWithdrawn.entries, 3).status = 'withdrawn';
    expect(verifyChain(falselyWithdrawn.entries, falselyWithdrawn.head).firstProblem).toMatchObject({ seq: 3, problem: 'altered' });
  });

  it('names a removed withdrawal', () => {
    const { entries, head } = buildChain(4, [2]);
    expect(verifyChain(entries.filter((entry) => entry.kind === 'signature'), head).firstProblem).toMatchObject({ seq: 2, problem: 'altered' });
  });

  it('names the last record when the head no longer matches it, and a missing head', () => {
    const { entries, head } = buildChain(3);
    expect(verifyChain(entries, { seq: 3, hash: 'a'.repeat(64) }).firstProblem).toMatchObject({ seq: 3, problem: 'altered' });
    expect(verifyChain(entries, null).intact).toBe(false);
    expect(verifyChain(entries, head).intact).toBe(true);
  });
});
