import { AppError } from '../domain/app-error';
import { collections, type PledgeVersionDoc } from './documents';
import { documentsOf, firstDocumentOf, type Database, type Transaction } from './database';
import { runRetriedTransaction } from './transactions';

export type PledgeDraftFields = Pick<PledgeVersionDoc, 'title' | 'preamble' | 'articles' | 'changeNote'>;

export class PledgeVersionsRepository {
  constructor(private readonly db: Database) {}

  private get collection() {
    return this.db.collection(collections.pledgeVersions);
  }

  async findById(versionId: string): Promise<PledgeVersionDoc | null> {
    return firstDocumentOf<PledgeVersionDoc>(await this.collection.doc(versionId).get());
  }

  /** The version members sign now; publishing retires the one before, so there is at most one. */
  async findPublished(): Promise<PledgeVersionDoc | null> {
    return firstDocumentOf<PledgeVersionDoc>(await this.collection.where({ status: 'published' }).limit(1).get());
  }

  async listDrafts(): Promise<PledgeVersionDoc[]> {
    return documentsOf<PledgeVersionDoc>(await this.collection.where({ status: 'draft' }).orderBy('version', 'asc').limit(10).get());
  }

  /**
   * Creates or replaces the draft with this id. In a transaction, so a save racing a publish of the same
   * id cannot turn the published version back into a draft (that save answers CONFLICT).
   */
  async saveDraft(draft: PledgeVersionDoc): Promise<PledgeVersionDoc> {
    return runRetriedTransaction(this.db, async (transaction: Transaction) => {
      const versions = transaction.collection(collections.pledgeVersions);
      const existing = (await versions.doc(draft._id).get()).data as unknown as PledgeVersionDoc | null;
      if (existing && existing.status !== 'draft') throw new AppError('CONFLICT');
      const { _id, ...fields } = draft;
      const stored = existing ? { ...fields, createdBy: existing.createdBy, createdAt: existing.createdAt } : fields;
      await versions.doc(_id).set(stored);
      return { _id, ...stored };
    });
  }

  /**
   * Publishes a draft and retires the version before it in one transaction, so members never see two
   * published versions or none. Answers the published version; NOT_FOUND if the draft is gone or was published.
   */
  async publish(draftId: string, previousId: string | null, now: Date): Promise<PledgeVersionDoc> {
    return runRetriedTransaction(this.db, async (transaction: Transaction) => {
      const versions = transaction.collection(collections.pledgeVersions);
      const draft = (await versions.doc(draftId).get()).data as unknown as PledgeVersionDoc | null;
      if (!draft || draft.status !== 'draft') throw new AppError('NOT_FOUND');
      if (previousId !== null) {
        const previous = (await versions.doc(previousId).get()).data as unknown as PledgeVersionDoc | null;
        if (!previous || previous.status !== 'published') throw new AppError('CONFLICT');
        await versions.doc(previousId).update({ status: 'retired', updatedAt: now });
      }
      await versions.doc(draftId).update({ status: 'published', publishedAt: now, signatureCount: 0, updatedAt: now });
      return { ...draft, status: 'published' as const, publishedAt: now, signatureCount: 0, updatedAt: now };
    });
  }
}
