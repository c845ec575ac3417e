import type { GrantableRole } from '../contract/vocabulary';
import { collections, type MemberDoc, type MemberProfileFields } from './documents';
import { documentsOf, firstDocumentOf, inBatches, maxQueryLimit, personSearch, type Database } from './database';
import type { ErasedMemberFields } from '../domain/account-deletion';
import type { PageWindow } from '../domain/paging';

export class MembersRepository {
  constructor(private readonly db: Database) {}

  private get collection() {
    return this.db.collection(collections.members);
  }

  async findByOpenId(openId: string): Promise<MemberDoc | null> {
    return firstDocumentOf<MemberDoc>(await this.collection.where({ openId }).limit(1).get());
  }

  async findById(memberId: string): Promise<MemberDoc | null> {
    return firstDocumentOf<MemberDoc>(await this.collection.doc(memberId).get());
  }

  /** Asks for at most CloudBase's 1,000-document cap at a time, so any number of ids can be looked up. */
  async findByIds(memberIds: string[]): Promise<MemberDoc[]> {
    const found = await Promise.all(inBatches(memberIds, maxQueryLimit).map(async (batch) => documentsOf<MemberDoc>(await this.collection.where({ _id: this.db.command.in(batch) }).limit(maxQueryLimit).get())));
    return found.flat();
  }

  /** Members with a profile whose name contains the text, or whose mobile ends with it (organizers search by the last digits). */
  async search(text: string, limit: number): Promise<MemberDoc[]> {
    const match = personSearch(this.db, text, { name: 'profile.name', mobile: 'profile.mobile' });
    return documentsOf<MemberDoc>(await this.collection.where({ ...match, deletedAt: null, profile: this.db.command.neq(null) }).limit(limit).get());
  }

  async insert(record: Omit<MemberDoc, '_id'>): Promise<MemberDoc> {
    const { id } = await this.collection.add(record);
    if (!id) throw new Error('members insert answered without an id');
    return { _id: id, ...record };
  }

  async recordPrivacyAcceptance(memberId: string, version: string, now: Date): Promise<void> {
    await this.collection.doc(memberId).update({ privacyAcceptedVersion: version, privacyAcceptedAt: now, updatedAt: now });
  }

  async saveProfile(memberId: string, profile: MemberProfileFields, now: Date): Promise<void> {
    // `set` replaces the whole sub-document; a plain object would be flattened into dotted paths under a null profile.
    await this.collection.doc(memberId).update({ profile: this.db.command.set(profile), updatedAt: now });
  }

  /** Adds the membership only if it is not there yet: true when this call added it, so a double tap counts once. */
  async addOrg(memberId: string, orgId: string, now: Date): Promise<boolean> {
    const _ = this.db.command;
    const result = await this.collection
      .where({ _id: memberId, orgIds: _.neq(orgId) })
      .update({ orgIds: _.addToSet(orgId), updatedAt: now });
    return result.updated === 1;
  }

  /** Removes the membership only if it is there: true when this call removed it. */
  async removeOrg(memberId: string, orgId: string, now: Date): Promise<boolean> {
    const _ = this.db.command;
    const result = await this.collection.where({ _id: memberId, orgIds: orgId }).update({ orgIds: _.pull(orgId), updatedAt: now });
    return result.updated === 1;
  }

  async listByOrg(orgId: string, window: PageWindow): Promise<MemberDoc[]> {
    return documentsOf<MemberDoc>(
      await this.collection.where({ orgIds: orgId }).orderBy('_id', 'asc').skip(window.offset).limit(window.limit).get(),
    );
  }

  async addRole(memberId: string, grant: { orgId: string; role: GrantableRole }, now: Date): Promise<void> {
    await this.collection.doc(memberId).update({ roles: this.db.command.addToSet({ orgId: grant.orgId, role: grant.role }), updatedAt: now });
  }

  async removeRole(memberId: string, grant: { orgId: string; role: GrantableRole }, now: Date): Promise<void> {
    await this.collection.doc(memberId).update({ roles: this.db.command.pull({ orgId: grant.orgId, role: grant.role }), updatedAt: now });
  }

  /**
   * Erases the account if it still holds exactly the memberships read before: true when this call erased
   * it. A join or leave in between makes it answer false, so the caller never decrements the wrong counts.
   */
  async erase(memberId: string, readOrgIds: string[], fields: ErasedMemberFields): Promise<boolean> {
    const _ = this.db.command;
    const result = await this.collection
      .where({ _id: memberId, deletedAt: null, orgIds: _.eq(readOrgIds) })
      .update({ ...fields, profile: _.set(fields.profile) });
    return result.updated === 1;
  }
}
