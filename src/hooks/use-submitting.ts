import { useCallback, useRef, useState } from 'react';

/** What a submission resolves to when its page is going away after it: the button stays busy and later taps are ignored. */
export const leavingPage = 'leaving';

export type Submit<Label> = (work: () => Promise<unknown>, label?: Label) => Promise<void>;

/**
 * `[busy, run]` for a button that sends a request: `run(work)` ignores calls while an earlier one is in flight,
 * shows `busy` (or the `label` given, for a form with several actions) until `work` settles, failed or not.
 * A second tap before React re-renders would still see `busy` false in its closure, so the guard is a ref.
 */
export function useSubmitting<Label extends string | true = true>(): [busy: Label | false, run: Submit<Label>] {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState<Label | false>(false);

  const run = useCallback<Submit<Label>>(async (work, label) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(label ?? (true as Label));
    let outcome: unknown;
    try {
      outcome = await work();
    } finally {
      if (outcome !== leavingPage) {
        inFlight.current = false;
        setBusy(false);
      }
    }
  }, []);

  return [busy, run];
}
