/** Hides the middle four digits of a mainland mobile number, as Chinese apps customarily show it. */
export function maskMobile(mobile: string): string {
  if (!/^\d{11}$/.test(mobile)) return mobile.length > 0 ? '*'.repeat(mobile.length) : '';
  return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
}

const compoundSurnames = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐',
  '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '澹台',
];

/** Shows the surname only: 林晓 → 林*, 欧阳娜娜 → 欧阳**. Verification reveals nothing more about a signer. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  const surnameLength = chars.length > 2 && compoundSurnames.includes(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.slice(0, surnameLength).join('') + '*'.repeat(chars.length - surnameLength);
}
