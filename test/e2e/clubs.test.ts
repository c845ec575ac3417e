import type { Browser, Page } from 'playwright-core';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { makeCode } from '../../cloudfunctions/shared/contract/ticket-code';
import { callAs } from '../support/host-api';
import { startLocalHost, type StartedLocalHost } from '../support/local-host';
import { inApp, launchBrowser, signedInAt } from './browser';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * An organizer's new club whose weekly session starts about an hour from now (Shanghai time), so its check-in
 * window is open: generated through the clubs function as an organizer would.
 */
async function clubWithSessionSoon(hostUrl: string): Promise<{ clubId: string; eventId: string }> {
  const organizer = 'm-chen-siyuan';
  const club = await callAs<{ id: string }>(hostUrl, organizer, 'clubs', 'create', { requestId: 'e2e-club-binjiang', orgId: 'org-club-reading', name: '滨江夜读小组', description: '每周一次，共读一本书。', memberCap: null });
  await callAs(hostUrl, organizer, 'clubs', 'setBook', { clubId: club.id, book: { title: '置身事内', author: '兰小欢', isbn: '9787208171336', reason: '读懂地方政府与经济发展' } });
  const start = dayjs().tz('Asia/Shanghai').add(70, 'minute');
  await callAs(hostUrl, organizer, 'clubs', 'setSchedule', {
    clubId: club.id,
    schedule: {
      frequency: 'weekly', weekday: start.day(), time: start.format('HH:mm'), durationMinutes: 90,
      venue: { name: '浦东图书馆 4 楼研讨室', address: '浦东新区前程路 88 号' }, seats: 20, ahead: 2,
    },
  });
  const generated = await callAs<{ sessions: { id: string; startAt: string }[] }>(hostUrl, organizer, 'clubs', 'generateSessions', { clubId: club.id });
  const next = [...generated.sessions].sort((a, b) => a.startAt.localeCompare(b.startAt))[0];
  return { clubId: club.id, eventId: next.id };
}

describe('a reading club in Chromium', () => {
  let host: StartedLocalHost;
  let browser: Browser;
  let page: Page;
  let club: { clubId: string; eventId: string };

  beforeAll(async () => {
    host = await startLocalHost();
    club = await clubWithSessionSoon(host.url);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await host?.stop();
  });

  it('a member joins the club, signs up for the next session, checks in with the venue code and posts a note', async () => {
    page = await signedInAt(browser, host.url, '张伟', `/package-club/detail/index?id=${club.clubId}`);
    await inApp(page).getByText('滨江夜读小组').first().waitFor();
    await inApp(page).locator('.club-join').last().click();
    await inApp(page).locator('.club-session').first().click();

    const detail = inApp(page).locator('.detail').last();
    await detail.locator('.detail__signup').click();
    await inApp(page).locator('.signup-form').last().waitFor();
    await inApp(page).locator('.signup-submit').last().click();
    await inApp(page).locator('.signup-result').last().getByText('报名成功').waitFor();

    const venue = await callAs<{ eventId: string; secret: string; serverTime: string }>(host.url, 'm-chen-siyuan', 'checkin', 'venueCode', { eventId: club.eventId });
    await page.goto(`${host.url}/#/package-ticket/self-checkin/index?eventId=${club.eventId}`);
    await inApp(page).locator('.self-checkin__input input').last().fill(makeCode('venue', venue.eventId, venue.secret, Date.now()));
    await inApp(page).locator('.self-checkin__submit').last().click();
    await inApp(page).locator('.gate--pass').last().waitFor();

    await page.goto(`${host.url}/#/package-club/detail/index?id=${club.clubId}`);
    await inApp(page).getByText('打卡', { exact: true }).last().click();
    const editor = inApp(page).locator('.note-editor').last();
    await editor.locator('.note-editor__text textarea').fill('第一章讲土地财政，地方政府既是裁判也是运动员。');
    await inApp(page).locator('.note-editor__submit').last().click();
    await inApp(page).locator('.note-item').getByText('第一章讲土地财政', { exact: false }).first().waitFor();
  });
});
