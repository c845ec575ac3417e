import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { collections } from '../../cloudfunctions/shared/data/documents';
import { openEventDoc } from '../support/event-doc';
import { adminDatabase } from '../support/host-api';
import { startLocalHost, type StartedLocalHost } from '../support/local-host';
import { inApp, launchBrowser, signedInAt } from './browser';

const eventId = 'ev-e2e-one-seat';
const day = 24 * 3600 * 1000;

/** A one-seat salon open for sign-up, written through the SDK as an organizer's script would. */
async function addOneSeatEvent(hostUrl: string): Promise<void> {
  const now = new Date();
  await adminDatabase(hostUrl).collection(collections.events).add(
    openEventDoc(now, {
      _id: eventId, title: '一席茶叙：城市更新中的新阶层', kind: 'salon', description: '只有一个座位的小型茶叙。',
      startAt: new Date(now.getTime() + 6 * day), capacity: 1,
    }),
  );
}

async function openEventAs(browser: Browser, hostUrl: string, persona: string): Promise<Page> {
  const page = await signedInAt(browser, hostUrl, persona, `/package-event/detail/index?id=${eventId}`);
  await detailOf(page).getByText('一席茶叙：城市更新中的新阶层').waitFor();
  return page;
}

function detailOf(page: Page) {
  return inApp(page).locator('.detail').last();
}

async function signUpThroughForm(page: Page): Promise<void> {
  await detailOf(page).locator('.detail__signup').click();
  const form = inApp(page).locator('.signup-form').last();
  await form.waitFor();
  await inApp(page).locator('.signup-submit').last().click();
  await inApp(page).locator('.signup-result').last().waitFor();
}

describe('signing up in Chromium', () => {
  let host: StartedLocalHost;
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    host = await startLocalHost();
    await addOneSeatEvent(host.url);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await host?.stop();
  });

  it('confirms the first member, waitlists the second with a place, and promotes them when the first cancels', async () => {
    const first = await openEventAs(browser, host.url, '张伟');
    pages.push(first);
    await detailOf(first).getByText('立即报名').waitFor();
    await signUpThroughForm(first);
    await inApp(first).locator('.signup-result').last().getByText('报名成功').waitFor();

    const second = await openEventAs(browser, host.url, '刘洋');
    pages.push(second);
    await detailOf(second).getByText('候补报名').waitFor();
    await signUpThroughForm(second);
    await inApp(second).locator('.signup-result').last().getByText('第 1 位', { exact: false }).waitFor();

    await first.goto(`${host.url}/#/package-event/detail/index?id=${eventId}`);
    const status = detailOf(first).locator('.registration-status');
    await status.getByText('已报名', { exact: true }).waitFor();
    await status.locator('.registration-status__cancel').click();
    await first.getByText('确认取消').click();
    await detailOf(first).locator('.registration-status').getByText('已取消', { exact: true }).waitFor();

    await second.goto(`${host.url}/#/package-event/detail/index?id=${eventId}`);
    await detailOf(second).locator('.registration-status').getByText('已报名', { exact: true }).waitFor();
    await second.goto(`${host.url}/#/package-me/notifications/index`);
    await inApp(second).locator('.notification').first().getByText('候补成功，已为你保留名额').waitFor();
  });

  it('gives the promoted member a calendar file for the event (after the sign-ups above)', async () => {
    const member = await openEventAs(browser, host.url, '刘洋');
    pages.push(member);
    await detailOf(member).locator('.registration-status').getByText('已报名', { exact: true }).waitFor();
    const [download] = await Promise.all([member.waitForEvent('download'), detailOf(member).locator('.registration-status__calendar').click()]);
    expect(download.suggestedFilename()).toBe('一席茶叙：城市更新中的新阶层.ics');
    const calendar = await readFile(await download.path(), 'utf8');
    expect(calendar).toContain('SUMMARY:一席茶叙：城市更新中的新阶层');
    expect(calendar).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(calendar).toContain('TRIGGER:-PT60M');
  });

  it('lets the organizer download the list as an Excel file that says what happened (after the sign-ups above)', async () => {
    const organizer = await signedInAt(browser, host.url, '陈思远', `/package-organizer/registrations/index?eventId=${eventId}`);
    pages.push(organizer);
    await inApp(organizer).getByText('已显示全部 2 条').waitFor();
    const [download] = await Promise.all([organizer.waitForEvent('download'), inApp(organizer).locator('.registrations-admin__export').click()]);
    expect(download.suggestedFilename()).toMatch(/^一席茶叙：城市更新中的新阶层-报名名单-\d{8}-\d{4}\.xlsx$/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('报名名单')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 5)));
    expect(rows).toEqual([
      ['序号', '姓名', '手机号', '状态'],
      [1, '刘洋', '13661259930', '已报名'],
      [2, '张伟', '13788452013', '已取消'],
    ]);
  });
});
