/**
 * The profile's limits and messages, zod-free so the mini program checks a form with the very rules the
 * server's schema enforces.
 */
export const mobilePattern = /^1[3-9]\d{9}$/;

export const profileLimits = { name: 20, employer: 60, title: 30 } as const;

export const profileMessages = {
  nameRequired: '请填写姓名',
  nameTooLong: `姓名不能超过${profileLimits.name}个字`,
  mobileInvalid: '请输入11位手机号码',
  sectorRequired: '请选择界别',
  employerTooLong: `单位名称不能超过${profileLimits.employer}个字`,
  titleTooLong: `职务不能超过${profileLimits.title}个字`,
} as const;
