import { collections, type OrgDoc } from './documents';
import { documentsOf, firstDocumentOf, maxQueryLimit, type Database } from './database';

export class OrgsRepository {
  constructor(private readonly db: Database) {}

  private get collection() {
    return this.db.collection(collections.orgs);
  }

  async findById(orgId: string): Promise<OrgDoc | null> {
    return firstDocumentOf<OrgDoc>(await this.collection.doc(orgId).get());
  }

  /** Several organisations by id, in the order the ids were given; missing ones are left out. */
  async findByIds(orgIds: string[]): Promise<OrgDoc[]> {
    if (orgIds.length === 0) return [];
    const found = documentsOf<OrgDoc>(await this.collection.where({ _id: this.db.command.in(orgIds) }).limit(maxQueryLimit).get());
    const byId = new Map(found.map((org) => [org._id, org]));
    return orgIds.flatMap((orgId) => byId.get(orgId) ?? []);
  }

  /** The whole tree in display order; the association's tree stays well under CloudBase's 1,000-document answer. */
  async listTree(): Promise<OrgDoc[]> {
    return documentsOf<OrgDoc>(await this.collection.where({}).orderBy('order', 'asc').limit(maxQueryLimit).get());
  }

  /** The general association at the top of the tree, on which admin authority is checked. */
  async findRoot(): Promise<OrgDoc | null> {
    return firstDocumentOf<OrgDoc>(await this.collection.where({ parentId: null }).orderBy('order', 'asc').limit(1).get());
  }

  async listChildren(orgId: string): Promise<OrgDoc[]> {
    return documentsOf<OrgDoc>(
      await this.collection.where({ parentId: orgId }).orderBy('order', 'asc').limit(maxQueryLimit).get(),
    );
  }

  async changeMemberCount(orgIds: string[], delta: 1 | -1): Promise<void> {
    if (orgIds.length === 0) return;
    const _ = this.db.command;
    const where = orgIds.length === 1 ? { _id: orgIds[0] } : { _id: _.in(orgIds) };
    await this.collection.where(where).update({ memberCount: _.inc(delta) });
  }
}
