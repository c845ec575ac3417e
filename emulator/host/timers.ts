/** A timer trigger declared for a function in cloudbaserc.json. */
export interface TimerTrigger {
  functionName: string;
  triggerName: string;
}

interface CloudbaseConfig {
  functions: { name: string; triggers?: { name: string; type: string }[] }[];
}

export function timerTriggers(config: CloudbaseConfig): TimerTrigger[] {
  return config.functions.flatMap((fn) =>
    (fn.triggers ?? []).filter((trigger) => trigger.type === 'timer').map((trigger) => ({ functionName: fn.name, triggerName: trigger.name })),
  );
}

/**
 * Fires every timer trigger once a minute. CloudBase runs them on their cron schedules; locally a minute is close
 * enough for what they do (passing on overdue offers), and keeps the host free of a cron parser.
 */
export function startTimers(triggers: TimerTrigger[], fire: (trigger: TimerTrigger) => Promise<void>, everyMs = 60_000): () => void {
  const timer = setInterval(() => {
    for (const trigger of triggers) void fire(trigger);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
