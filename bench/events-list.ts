import tcb from '@cloudbase/node-sdk';
import dayjs from 'dayjs';
import { localSettings } from '../emulator/settings';
import { startLocalHost } from '../test/support/local-host';
import { eventKinds } from '../cloudfunctions/shared/contract/vocabulary';
import { openingLedger } from '../cloudfunctions/shared/domain/seat-ledger';
import { buildOrgTree } from '../emulator/seed/org-tree';
import { percentile, report, roundTripsPerCall, runLoad } from './support/http-load';

/**
 * events.list at scale: 100,000 events spread over the 36 street-towns and two years, then 2,000 list calls
 * (filtered by organisation, by kind, by date, and unfiltered) over 50 connections.
 */
const totalEvents = 100_000;
const calls = 2_000;
const concurrency = 50;

export async function benchEventsList(): Promise<void> {
  const host = await startLocalHost();
  try {
    const settings = localSettings({});
    const app = tcb.init({ env: settings.env, secretId: settings.secretId, secretKey: settings.secretKey, serviceUrl: `${host.url}/admin`, timeout: 60_000 });
    const events = app.database().collection('events');
    const orgIds = buildOrgTree().filter((org) => org.kind === 'street' || org.kind === 'town').map((org) => org._id);
    const start = dayjs().subtract(1, 'year');
    const seedStarted = performance.now();
    for (let batch = 0; batch < totalEvents / 1000; batch++) {
      await events.add(Array.from({ length: 1000 }, (_, i) => {
        const n = batch * 1000 + i;
        const orgId = orgIds[n % orgIds.length];
        const startAt = start.add(n % 730, 'day').hour(11).toDate();
        return {
          title: `街镇活动 ${n}`, kind: eventKinds[n % eventKinds.length], status: 'published', orgId, coHostOrgIds: [], hostOrgIds: [orgId],
          hosts: [{ id: orgId, name: orgId }], description: '', venue: { name: '社区中心', address: '浦东新区' },
          startAt, endAt: dayjs(startAt).add(2, 'hour').toDate(), signupOpensAt: start.toDate(), signupClosesAt: startAt,
          cancellationDeadline: null, capacity: 50, ...openingLedger(50), waitlistMode: 'auto', offerHours: 24, requiresApproval: false, membersOnly: false,
          team: null, questions: [], schedule: [], createdBy: 'bench', createdAt: start.toDate(), updatedAt: start.toDate(),
        };
      }));
    }
    report('events_list.seeded_events', totalEvents);
    report('events_list.seed_s', (performance.now() - seedStarted) / 1000);

    const token = ((await (await fetch(`${host.url}/dev/session`, { method: 'POST', body: JSON.stringify({ persona: 'm-lin-xiao' }) })).json()) as { token: string }).token;
    const filters = [
      {},
      { orgId: 'org-street-lujiazui' },
      { kind: 'study' },
      { from: dayjs().add(30, 'day').format('YYYY-MM-DD'), to: dayjs().add(60, 'day').format('YYYY-MM-DD') },
      { orgId: 'org-town-zhangjiang', kind: 'sports', page: 2 },
    ];
    const bodies = Array.from({ length: calls }, (_, i) => ({ path: '/api/events', body: { action: 'list', data: filters[i % filters.length] }, token }));
    const result = await runLoad(host.url, bodies, concurrency);
    await new Promise((resolve) => setTimeout(resolve, 200));
    report('events_list.calls', calls);
    report('events_list.errors', result.errors);
    report('events_list.per_s', (calls / result.elapsedMs) * 1000);
    report('events_list.p50_ms', percentile(result.latenciesMs, 50));
    report('events_list.p99_ms', percentile(result.latenciesMs, 99));
    report('events_list.db_round_trips', roundTripsPerCall(host.output(), 'events.list'));
  } finally {
    await host.stop();
  }
}
