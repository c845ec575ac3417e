import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { collections } from '../../cloudfunctions/shared/data/documents';
import { openEventDoc } from '../support/event-doc';
import { adminDatabase, callAs } from '../support/host-api';
import { startLocalHost, type StartedLocalHost } from '../support/local-host';
import { inApp, launchBrowser, signedInAt } from './browser';

const eventId = 'ev-e2e-checkin';
const hour = 3600 * 1000;

/** A forum starting within the hour (check-in opens two hours before), written through the SDK. */
async function addEventStartingSoon(hostUrl: string): Promise<void> {
  const now = new Date();
  const startAt = new Date(now.getTime() + hour);
  await adminDatabase(hostUrl).collection(collections.events).add(
    openEventDoc(now, {
      _id: eventId, title: '扫码签到演练：滨江沙龙', description: '签到演练。', capacity: 50,
      startAt, endAt: new Date(startAt.getTime() + 2 * hour), signupClosesAt: startAt, cancellationDeadline: null,
    }),
  );
}

/** Reads the QR code drawn on the ticket page from a screenshot of it, as a steward's camera would. */
async function decodeTicketQr(page: Page): Promise<string> {
  const qr = inApp(page).locator('.ticket-qr').last();
  await qr.waitFor();
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!decoded) throw new Error('no QR code found in the ticket screenshot');
  return decoded.data;
}

async function submitToScanner(page: Page, code: string): Promise<void> {
  const field = inApp(page).locator('.scan-input input').last();
  await field.fill(code);
  await field.press('Enter');
}

describe('checking in with the ticket QR in Chromium', () => {
  let host: StartedLocalHost;
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    host = await startLocalHost();
    await addEventStartingSoon(host.url);
    await callAs(host.url, 'm-zhang-wei', 'events', 'signup', {
      eventId, requestId: 'e2e-checkin-signup', contact: { name: '张伟', mobile: '13788452013' }, answers: {},
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await host?.stop();
  });

  it('reads the member’s rotating code off the screen, checks it in once, and the ticket says 已签到', async () => {
    const member = await signedInAt(browser, host.url, '张伟', `/package-ticket/ticket/index?eventId=${eventId}`);
    pages.push(member);
    const code = await decodeTicketQr(member);
    expect(code).toMatch(/^XT1\./);
    expect(await inApp(member).locator('.ticket-code-text').last().innerText()).toContain(code);

    const steward = await signedInAt(browser, host.url, '陈思远', `/package-checkin/scan/index?eventId=${eventId}`);
    pages.push(steward);
    await inApp(steward).locator('.scan-counter').last().waitFor();
    await submitToScanner(steward, code);
    const accepted = inApp(steward).locator('.scan-result--accepted').last();
    await accepted.getByText('张伟', { exact: false }).first().waitFor();
    await accepted.click();

    await submitToScanner(steward, code);
    await inApp(steward).locator('.scan-result--rejected').last().getByText('已签到', { exact: false }).first().waitFor();

    await member.reload();
    await inApp(member).locator('.ticket-checked-in').last().getByText('已签到').waitFor();
  });
});
