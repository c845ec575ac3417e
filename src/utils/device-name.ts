/**
 * How a steward's phone or desk computer names itself in the scan log: platform and a random id kept on the device,
 * e.g. "H5-3F2A" or "iOS-07BC", so an organizer can tell which gate a scan came from.
 */

const platformLabels: Record<string, string> = {
  h5: 'H5',
  ios: 'iOS',
  android: 'Android',
  harmony: 'Harmony',
  ohos: 'Harmony',
  windows: 'PC',
  mac: 'Mac',
  devtools: 'DevTools',
};

/** Four hex digits: enough to tell a handful of gate devices apart, short enough to read out. */
export function newDeviceId(random: () => number = Math.random): string {
  return Array.from({ length: 4 }, () => Math.floor(random() * 16).toString(16)).join('').toUpperCase();
}

export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9A-F]{4}$/.test(value);
}

/** `platform` is 'h5' in the browser, otherwise WeChat's own platform name (ios, android, windows, mac, devtools…). */
export function deviceName(platform: string, id: string): string {
  const label = platformLabels[platform.toLowerCase()] ?? 'WX';
  return `${label}-${id}`;
}
