import { AppError } from '../domain/app-error';
import { emptyChainHead, sealSignature, sealWithdrawal, type ChainEntry, type ChainHead } from '../domain/pledge-chain';
import { shanghaiWeekOriginMs, statsWeeks, weekMs } from '../domain/pledge-rules';
import type { PageWindow } from '../domain/paging';
import type { Sector } from '../contract/vocabulary';
import { collections, type PledgeChainHeadDoc, type PledgeSignatureDoc, type PledgeWithdrawalDoc } from './documents';
import { documentsOf, firstDocumentOf, maxQueryLimit, type Database, type FileStorage, type Transaction } from './database';
import { StoredFiles } from './stored-files';
import { runRetriedTransaction } from './transactions';

const chainHeadId = 'head';
/** How long a signature image URL handed to the signer stays valid. */
const imageUrlSeconds = 600;
/** A member's signatures: one per version plus re-signings; far fewer than this in any real life. */
const memberSignatureLimit = 100;

export type NewSignature = Omit<PledgeSignatureDoc, 'seq' | 'prevHash' | 'hash'>;

export interface SignatureAggregates {
  total: number;
  bySector: { sector: Sector; count: number }[];
  byOrg: { orgId: string; count: number }[];
  byWeek: { weekIndex: number; count: number }[];
}

function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...fields } = doc;
  return fields;
}

async function readHead(transaction: Transaction): Promise<ChainHead> {
  const head = (await transaction.collection(collections.pledgeChain).doc(chainHeadId).get()).data as unknown as PledgeChainHeadDoc | null;
  return head ? { seq: head.seq, hash: head.hash } : emptyChainHead;
}

async function moveHead(transaction: Transaction, head: ChainHead): Promise<void> {
  await transaction.collection(collections.pledgeChain).doc(chainHeadId).set({ seq: head.seq, hash: head.hash });
}

export class PledgeSignaturesRepository {
  private readonly files: StoredFiles;

  constructor(
    private readonly db: Database,
    storage: FileStorage,
  ) {
    this.files = new StoredFiles(storage);
  }

  private get collection() {
    return this.db.collection(collections.pledgeSignatures);
  }

  /** Stores a signature image in file storage; answers its file id. Never call it inside a transaction. */
  async uploadImage(cloudPath: string, bytes: Buffer): Promise<string> {
    return this.files.upload(cloudPath, bytes);
  }

  /** Short-lived download URLs by file id; a file storage cannot answer for is left out. */
  async imageUrls(fileIds: string[]): Promise<Map<string, string>> {
    return this.files.temporaryUrls(fileIds, imageUrlSeconds);
  }

  async findBySerial(serial: string): Promise<PledgeSignatureDoc | null> {
    return firstDocumentOf<PledgeSignatureDoc>(await this.collection.where({ serial }).limit(1).get());
  }

  async listByMember(memberId: string): Promise<PledgeSignatureDoc[]> {
    return documentsOf<PledgeSignatureDoc>(
      await this.collection.where({ memberId }).orderBy('signedAt', 'desc').orderBy('seq', 'desc').limit(memberSignatureLimit).get(),
    );
  }

  async listByMemberAndVersion(memberId: string, versionId: string): Promise<PledgeSignatureDoc[]> {
    return documentsOf<PledgeSignatureDoc>(await this.collection.where({ memberId, versionId }).limit(memberSignatureLimit).get());
  }

  /** Signatures made by members of an organisation (as they were when signing), newest first. */
  async listByOrg(orgId: string, window: PageWindow): Promise<PledgeSignatureDoc[]> {
    return documentsOf<PledgeSignatureDoc>(
      await this.collection
        .where({ orgIds: orgId })
        .orderBy('signedAt', 'desc')
        .orderBy('_id', 'asc')
        .skip(window.offset)
        .limit(window.limit)
        .get(),
    );
  }

  /**
   * Appends a signature to the chain: in one transaction, reads the head, refuses a signature id that
   * exists (ALREADY_SIGNED: a double tap or a concurrent submit), inserts the sealed record, moves the
   * head and counts the signature on its version. Concurrent signers conflict on the head and retry, so
   * the chain stays one line.
   */
  async appendSignature(record: NewSignature): Promise<PledgeSignatureDoc> {
    return runRetriedTransaction(this.db, async (transaction) => {
      const signatures = transaction.collection(collections.pledgeSignatures);
      const head = await readHead(transaction);
      if ((await signatures.doc(record._id).get()).data) throw new AppError('ALREADY_SIGNED');
      const sealed = sealSignature(record, head);
      await signatures.doc(sealed._id).set(withoutId(sealed));
      await moveHead(transaction, sealed);
      await transaction.collection(collections.pledgeVersions).doc(record.versionId).update({ signatureCount: this.db.command.inc(1) });
      return sealed;
    });
  }

  /**
   * Marks a signature withdrawn and appends the withdrawal to the chain, in one transaction. A signature
   * already withdrawn is answered as it is, so a repeat (or a concurrent twin) changes nothing.
   */
  async withdraw(signatureId: string, now: Date): Promise<PledgeSignatureDoc> {
    return runRetriedTransaction(this.db, async (transaction) => {
      const signatures = transaction.collection(collections.pledgeSignatures);
      const head = await readHead(transaction);
      const signature = (await signatures.doc(signatureId).get()).data as unknown as PledgeSignatureDoc | null;
      if (!signature) throw new AppError('NOT_FOUND');
      if (signature.status === 'withdrawn') return signature;
      const withdrawal = sealWithdrawal(
        { _id: signature._id, signatureId: signature._id, serial: signature.serial, memberId: signature.memberId, withdrawnAt: now },
        head,
      );
      await transaction.collection(collections.pledgeWithdrawals).doc(withdrawal._id).set(withoutId(withdrawal));
      await signatures.doc(signatureId).update({ status: 'withdrawn', withdrawnAt: now });
      await moveHead(transaction, withdrawal);
      await transaction.collection(collections.pledgeVersions).doc(signature.versionId).update({ signatureCount: this.db.command.inc(-1) });
      return { ...signature, status: 'withdrawn' as const, withdrawnAt: now };
    });
  }

  async chainHead(): Promise<ChainHead | null> {
    const head = firstDocumentOf<PledgeChainHeadDoc>(await this.db.collection(collections.pledgeChain).doc(chainHeadId).get());
    return head ? { seq: head.seq, hash: head.hash } : null;
  }

  /**
   * The chain entries up to a position (the head read before, so entries appended meanwhile are left for
   * the next check), in `seq` order, signatures and withdrawals merged, read in pages of 1,000 from each
   * collection (keyset paging on `seq`), so a long chain is never one unbounded read.
   */
  async *chainEntries(upToSeq: number): AsyncGenerator<ChainEntry> {
    const signatures = this.pagesOf<PledgeSignatureDoc>(collections.pledgeSignatures, upToSeq);
    const withdrawals = this.pagesOf<PledgeWithdrawalDoc>(collections.pledgeWithdrawals, upToSeq);
    let signature = await signatures.next();
    let withdrawal = await withdrawals.next();
    while (!signature.done || !withdrawal.done) {
      if (!signature.done && (withdrawal.done || signature.value.seq <= withdrawal.value.seq)) {
        yield { kind: 'signature', doc: signature.value };
        signature = await signatures.next();
      } else if (!withdrawal.done) {
        yield { kind: 'withdrawal', doc: withdrawal.value };
        withdrawal = await withdrawals.next();
      }
    }
  }

  private async *pagesOf<T extends { seq: number }>(collection: string, upToSeq: number): AsyncGenerator<T> {
    const _ = this.db.command;
    let after: number | null = null;
    for (;;) {
      const where: Record<string, unknown> = { seq: after === null ? _.lte(upToSeq) : _.gt(after).and(_.lte(upToSeq)) };
      const page: T[] = documentsOf<T>(await this.db.collection(collection).where(where).orderBy('seq', 'asc').limit(maxQueryLimit).get());
      yield* page;
      if (page.length < maxQueryLimit) return;
      after = page[page.length - 1].seq;
    }
  }

  /**
   * Counts for an organisation's charts, by aggregation in the database: signers (members with a signature
   * not withdrawn, counted once, in the sector of their latest one) by sector and by child organisation,
   * and signatures made per Shanghai week since `since` (at most `statsWeeks` weeks back).
   */
  async aggregatesForOrg(orgId: string, childOrgIds: string[], since: Date): Promise<SignatureAggregates> {
    const $ = this.db.command.aggregate;
    const standing = { orgIds: orgId, status: 'valid' };
    const signersStage = () =>
      this.collection
        .aggregate()
        .match(standing)
        .sort({ signedAt: -1 })
        .group({ _id: '$memberId', sector: $.first('$sector'), orgIds: $.first('$orgIds') });
    const [bySector, byOrg, byWeek] = await Promise.all([
      signersStage().group({ _id: '$sector', count: $.sum(1) }).limit(maxQueryLimit).end(),
      childOrgIds.length === 0
        ? Promise.resolve({ data: [] })
        : signersStage()
            .unwind('$orgIds')
            .match({ orgIds: this.db.command.in(childOrgIds) })
            .group({ _id: '$orgIds', count: $.sum(1) })
            .limit(maxQueryLimit)
            .end(),
      this.collection
        .aggregate()
        .match({ ...standing, signedAt: this.db.command.gte(since) })
        .group({
          _id: { $floor: { $divide: [{ $subtract: [{ $subtract: ['$signedAt', new Date(0)] }, shanghaiWeekOriginMs] }, weekMs] } },
          count: $.sum(1),
        })
        .sort({ _id: 1 })
        .limit(statsWeeks + 1)
        .end(),
    ]);
    const rows = (result: { data?: unknown }) => (Array.isArray(result.data) ? (result.data as { _id: unknown; count: number }[]) : []);
    const sectorRows = rows(bySector).map((row) => ({ sector: row._id as Sector, count: row.count }));
    return {
      total: sectorRows.reduce((sum, row) => sum + row.count, 0),
      bySector: sectorRows,
      byOrg: rows(byOrg).map((row) => ({ orgId: String(row._id), count: row.count })),
      byWeek: rows(byWeek).map((row) => ({ weekIndex: Number(row._id), count: row.count })),
    };
  }
}

