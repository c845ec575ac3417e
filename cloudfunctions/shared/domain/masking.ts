/** Hides the middle four digits of a mainland mobile number, as Chinese apps customarily show it. */
export function maskMobile(mobile: string): string {
  if (!/^\d{11}$/.test(mobile)) return mobile.length > 0 ? '*'.repeat(mobile.length) : '';
  return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
}
