import type { OrgNode } from '../../cloudfunctions/shared/contract/orgs';
import { type OrgKind, orgKinds } from '../../cloudfunctions/shared/contract/vocabulary';

/** Parents before their children, siblings in the order the server sent them. */
export function orderByTree(orgs: OrgNode[]): OrgNode[] {
  const known = new Set(orgs.map((org) => org.id));
  const children = new Map<string | null, OrgNode[]>();
  for (const org of orgs) {
    // An org whose parent is not in the list is shown at the top rather than lost.
    const parent = org.parentId !== null && known.has(org.parentId) ? org.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), org]);
  }
  const placed: OrgNode[] = [];
  const visit = (parentId: string | null) => {
    for (const org of children.get(parentId) ?? []) {
      placed.push(org);
      visit(org.id);
    }
  };
  visit(null);
  return placed;
}

export interface OrgGroup {
  kind: OrgKind;
  orgs: OrgNode[];
}

/** The 1+6+N tree as the browse page shows it: one group per kind, in the vocabulary's order. */
export function groupByKind(orgs: OrgNode[]): OrgGroup[] {
  return orgKinds
    .map((kind) => ({ kind, orgs: orgs.filter((org) => org.kind === kind) }))
    .filter((group) => group.orgs.length > 0);
}

export function matchesName(org: OrgNode, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return needle.length > 0 && org.name.toLowerCase().includes(needle);
}
