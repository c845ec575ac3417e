/** "13812341234" → "138****1234"; any other shape shows only its last four characters. */
export function maskMobile(mobile: string): string {
  if (/^\d{11}$/.test(mobile)) {
    return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
  }
  return mobile.length <= 4 ? '****' : `****${mobile.slice(-4)}`;
}
