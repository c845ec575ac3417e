/**
 * A fresh id for one create request — a sign-up, an event, a club (the contract's requestId: 8–64 of
 * [A-Za-z0-9-]). The form makes it once, so a double tap or a retry after a lost answer is the same request and the
 * server answers what the first one made.
 */
export function newRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  const noise = Array.from({ length: 10 }, () => Math.floor(random() * 36).toString(36)).join('');
  return `${now.toString(36)}-${noise}`;
}
