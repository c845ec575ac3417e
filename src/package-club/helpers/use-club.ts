import { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { ClubDetail } from '../../../cloudfunctions/shared/contract/clubs';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

/**
 * Loads one club for a page, keeps the clock the page shows against, and reloads when the page is shown again
 * (back from a session, the note editor, the manage page or the event editor). `latest` holds a club the page
 * itself saved until the next load replaces it. `onLoaded` must be stable (module level).
 */
export function useClub(clubId: string, onLoaded?: (club: ClubDetail) => void) {
  const [now, setNow] = useState(() => new Date());
  const [latest, setLatest] = useState<ClubDetail | null>(null);
  const load = useCallback(async () => {
    const club = await call('clubs', 'get', { clubId });
    setLatest(null);
    onLoaded?.(club);
    return club;
  }, [clubId, onLoaded]);
  const remote = useRemote(load);
  const { reload } = remote;
  const shownBefore = useRef(false);

  useDidShow(() => {
    if (shownBefore.current) {
      setNow(new Date());
      void reload();
    }
    shownBefore.current = true;
  });

  return { now, setNow, club: latest ?? remote.data, setLatest, error: remote.error, reload };
}
