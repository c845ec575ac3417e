import type { FunctionName } from '../contract';
import type { GrantableRole, RoleName } from '../contract/vocabulary';
import type { MemberDoc, OrgDoc } from '../data/documents';
import type { AuditEntry } from '../data/audit-repository';
import type { Repositories } from '../data/repositories';
import { AppError } from '../domain/app-error';
import { findAuthority, type Authority } from '../domain/roles';

export interface AuditTarget {
  collection: string;
  id: string;
}

/** What an action sees of its invocation: the caller, the clock, the data, and the role checks. */
export interface ActionContext {
  readonly now: Date;
  /** null for an anonymous caller. */
  readonly openId: string | null;
  readonly data: Repositories;
  /** The caller's member record, looked up once per invocation (one round trip) and only when asked for. */
  member(): Promise<MemberDoc | null>;
  /** The caller's OPENID; UNAUTHENTICATED for an anonymous caller. */
  requireOpenId(): string;
  /**
   * The caller's authority over an organisation (its document, or its id to load), or FORBIDDEN.
   * Writes made after it are audited under that authority.
   */
  requireRole(org: OrgDoc | string, role: GrantableRole): Promise<Authority>;
  /** Whether the caller holds the role over the organisation, for reads that show more to those who do. */
  hasRole(org: OrgDoc, role: GrantableRole): Promise<boolean>;
  /** Records a successful write for the audit trail; written only if the action succeeds. */
  audit(target: AuditTarget): void;
}

interface ActingAuthority {
  member: MemberDoc;
  authority: Authority;
  orgId: string;
}

/** One invocation's context; it holds no state beyond this call, since one process serves many callers. */
export class InvocationContext implements ActionContext {
  private memberLookup: Promise<MemberDoc | null> | null = null;
  private acting: ActingAuthority | null = null;
  private pendingAudit: AuditEntry[] = [];

  constructor(
    readonly functionName: FunctionName,
    readonly actionName: string,
    readonly openId: string | null,
    readonly now: Date,
    readonly data: Repositories,
  ) {}

  member(): Promise<MemberDoc | null> {
    if (this.openId === null) return Promise.resolve(null);
    this.memberLookup ??= this.data.members.findByOpenId(this.openId);
    return this.memberLookup;
  }

  requireOpenId(): string {
    if (this.openId === null) throw new AppError('UNAUTHENTICATED');
    return this.openId;
  }

  async requireRole(orgOrId: OrgDoc | string, role: GrantableRole): Promise<Authority> {
    this.requireOpenId();
    const [member, org] = await Promise.all([this.member(), this.resolveOrg(orgOrId)]);
    const authority = member ? findAuthority(member, org, role) : null;
    if (!member || !authority) throw new AppError('FORBIDDEN');
    this.acting = { member, authority, orgId: org._id };
    return authority;
  }

  async hasRole(org: OrgDoc, role: GrantableRole): Promise<boolean> {
    const member = await this.member();
    return member !== null && findAuthority(member, org, role) !== null;
  }

  audit(target: AuditTarget): void {
    if (!this.acting) throw new Error(`${this.functionName}.${this.actionName} audited a write without requireRole`);
    this.pendingAudit.push({
      actorMemberId: this.acting.member._id,
      actorRole: this.acting.authority.role,
      function: this.functionName,
      action: this.actionName,
      orgId: this.acting.orgId,
      target: { collection: target.collection, id: target.id },
    });
  }

  async flushAudit(): Promise<void> {
    const entries = this.pendingAudit;
    this.pendingAudit = [];
    await this.data.audit.record(entries);
  }

  /** The role the caller acted in, for the host's request log. */
  actingRole(): RoleName | 'anonymous' {
    if (this.acting) return this.acting.authority.role;
    return this.openId === null ? 'anonymous' : 'member';
  }

  private async resolveOrg(orgOrId: OrgDoc | string): Promise<OrgDoc> {
    if (typeof orgOrId !== 'string') return orgOrId;
    const org = await this.data.orgs.findById(orgOrId);
    if (!org) throw new AppError('NOT_FOUND');
    return org;
  }
}
