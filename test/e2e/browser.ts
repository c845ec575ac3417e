import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium';

/** Debian's Chromium, headless, with a phone-sized viewport (the app is a mini program). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
}

export async function openPhonePage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  return page;
}

/** Signs in as a demo persona through the picker the H5 app shows on first open. */
export async function pickPersona(page: Page, name: string): Promise<void> {
  await inApp(page).getByText('选择演示身份').waitFor();
  await inApp(page).getByText(name, { exact: true }).first().click();
}

/** The page's content, without Taro's H5 navigation bar (which repeats the page title). */
export function inApp(page: Page): Locator {
  return page.locator('#app');
}

/** Taro's H5 tab bar sits outside #app. */
export async function openTab(page: Page, label: '活动' | '读书会' | '公约' | '我的'): Promise<void> {
  await page.locator('.taro-tabbar__tabbar').getByText(label, { exact: true }).click();
}

/**
 * A phone signed in as a demo persona, then at a page of the app. The picker lands on the events tab first; going
 * elsewhere before that would be overtaken by it.
 */
export async function signedInAt(browser: Browser, hostUrl: string, persona: string, hash: string): Promise<Page> {
  const page = await openPhonePage(browser, hostUrl);
  await pickPersona(page, persona);
  await inApp(page).locator('.event-card__title').first().waitFor();
  await page.goto(`${hostUrl}/#${hash}`);
  return page;
}
