import cloudbaseConfig from '../../cloudbaserc.json';
import { startTimers, timerTriggers } from '../../emulator/host/timers';

it('finds the timer triggers declared for deployment', () => {
  expect(timerTriggers(cloudbaseConfig)).toEqual([
    { functionName: 'events', triggerName: 'expire-offers' },
    { functionName: 'clubs', triggerName: 'generate-sessions' },
    { functionName: 'reports', triggerName: 'remove-expired-exports' },
  ]);
  expect(timerTriggers({ functions: [{ name: 'a', triggers: [{ name: 'hook', type: 'http' }] }, { name: 'b' }] })).toEqual([]);
});

it('fires each trigger every interval until stopped', () => {
  jest.useFakeTimers();
  try {
    const fired: string[] = [];
    const stop = startTimers([{ functionName: 'events', triggerName: 'expire-offers' }], async (trigger) => {
      fired.push(trigger.triggerName);
    }, 1000);
    jest.advanceTimersByTime(3500);
    expect(fired).toEqual(['expire-offers', 'expire-offers', 'expire-offers']);
    stop();
    jest.advanceTimersByTime(5000);
    expect(fired).toHaveLength(3);
  } finally {
    jest.useRealTimers();
  }
});
