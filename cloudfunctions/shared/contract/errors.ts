/** Stable error codes every function may answer with, and the Chinese message a user sees for each. */
export const errorMessages = {
  VALIDATION_FAILED: '提交的内容有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已被删除',
  CONSENT_REQUIRED: '请先阅读并同意隐私保护指引',
  PROFILE_REQUIRED: '请先完善个人资料',
  ALREADY_MEMBER: '你已经是该组织的成员',
  NOT_MEMBER: '你还不是该组织的成员',
  ALREADY_SIGNED: '你已签署过该版本的公约',
  PLEDGE_VERSION_OUTDATED: '公约已有新版本，请阅读新版本后再签署',
  SIGNATURE_TOO_LIGHT: '签名笔画太少，请用手写完整签名',
  SIGNATURE_IMAGE_INVALID: '签名图片格式不正确，仅支持 PNG 或 JPEG',
  SIGNATURE_IMAGE_TOO_LARGE: '签名图片不能超过 512 KB',
  SIGNATURE_IMAGE_EMPTY: '签名是空白的，请先签名',
  CONFLICT: '操作冲突，请稍后重试',
  INTERNAL: '系统繁忙，请稍后重试',
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** The reply of every function call. */
export type Reply<T> = { ok: true; data: T } | { ok: false; code: ErrorCode | string; message: string; field?: string };
