export const teamJoinPagePath = '/package-event/team-join/index';

/** The page a teammate opens: a mini program path (share card), or in H5 a link to this site. */
export function teamJoinLink(code: string, origin: string | null): string {
  const path = `${teamJoinPagePath}?code=${encodeURIComponent(code)}`;
  return origin ? `${origin}/#${path}` : path;
}

const wholeCode = /^[A-Z0-9]{6}$/;

/**
 * The invite code in whatever a member pasted: the bare code, or a link carrying `code=`. Upper-cased like the
 * server does; null when it cannot be a code, so no request is sent.
 */
export function inviteCodeFrom(text: string): string | null {
  const fromLink = /[?&]code=([A-Za-z0-9]{6})(?![A-Za-z0-9])/.exec(text);
  const code = (fromLink ? fromLink[1] : text.trim()).toUpperCase();
  return wholeCode.test(code) ? code : null;
}

export const inviteCodeFormatMessage = '邀请码为 6 位字母或数字';
