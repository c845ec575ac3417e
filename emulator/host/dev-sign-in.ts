import { createHmac, timingSafeEqual } from 'node:crypto';
import { roleLabels, type RoleName } from '../../cloudfunctions/shared/contract/vocabulary';
import { buildOrgTree } from '../seed/org-tree';
import { demoPeople, newcomerPersona, personaOpenId } from '../seed/people';

/** The H5 build's stand-in for WeChat login: pick a demo persona, get a token naming its OPENID. Local host only. */
export interface Persona {
  id: string;
  name: string;
  role: RoleName;
  roleLabel: string;
  orgName: string;
}

export function listPersonas(): Persona[] {
  const orgName = new Map(buildOrgTree().map((org) => [org._id, org.name]));
  const people: Persona[] = demoPeople
    .filter((person) => person.persona)
    .map((person) => {
      const role: RoleName = person.role?.role ?? 'member';
      const orgId = person.role?.orgId ?? person.orgIds[person.orgIds.length - 1];
      return { id: person.id, name: person.name, role, roleLabel: roleLabels[role], orgName: orgName.get(orgId) ?? '' };
    });
  return [...people, { id: newcomerPersona.id, name: newcomerPersona.name, role: 'member', roleLabel: newcomerPersona.roleLabel, orgName: '尚未填写资料' }];
}

export function findPersona(id: unknown): Persona | undefined {
  return typeof id === 'string' ? listPersonas().find((persona) => persona.id === id) : undefined;
}

/** Tokens are signed, not stored, so they survive a host restart and cannot name an OPENID they were not issued for. */
export function issueToken(personaId: string, signingKey: string): string {
  return issueTokenForOpenId(personaOpenId(personaId), signingKey);
}

/**
 * A token for any OPENID, for scripts that hold the host's key (the sign-up benchmark signs in 5,000 members).
 * It grants nothing the key does not: the same key signs CloudBase admin calls at /admin.
 */
export function issueTokenForOpenId(openId: string, signingKey: string): string {
  const payload = Buffer.from(openId).toString('base64url');
  return `${payload}.${sign(payload, signingKey)}`;
}

export function openIdFromToken(token: string, signingKey: string): string | null {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload, signingKey));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Buffer.from(payload, 'base64url').toString();
}

function sign(payload: string, key: string): string {
  return createHmac('sha256', `xinlian-dev-session:${key}`).update(payload).digest('base64url');
}
