import type { Browser, Page } from 'playwright-core';
import { startLocalHost, type StartedLocalHost } from '../support/local-host';
import { inApp, launchBrowser, openTab, openPhonePage, pickPersona } from './browser';

describe('Xinlian in Chromium against npm start', () => {
  let host: StartedLocalHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startLocalHost();
    browser = await launchBrowser();
  }, 180_000);

  afterEach(async () => {
    await page?.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('a member picks a persona, sees the events list and opens an event', async () => {
    page = await openPhonePage(browser, host.url);
    await pickPersona(page, '林晓');
    await inApp(page).getByText('2026 浦东滨江城市定向赛').waitFor();
    await inApp(page).getByText('“一带一路”专业服务沙龙：跨境合规与争议解决').click();
    // The list stays in the DOM under the detail page, so look inside the detail page only.
    const detail = inApp(page).locator('.detail');
    await detail.getByText('陆家嘴金融城党群服务中心 3 楼').waitFor();
    await detail.getByText('共 40 席，已报 9 人').waitFor();
    await detail.getByText('报名后需主办方审核，审核通过方可参加').waitFor();
  });

  it('a newcomer consents to the privacy notice, then edits the profile and sees the mobile masked', async () => {
    page = await openPhonePage(browser, host.url);
    await pickPersona(page, '新用户');
    await openTab(page, '我的');
    await inApp(page).getByText('完善资料', { exact: true }).first().click();
    await inApp(page).getByText('隐私保护指引').first().waitFor();
    await inApp(page).getByText('同意并继续').click();

    await inApp(page).locator('input[placeholder="请填写真实姓名"]').fill('郑小雨');
    await inApp(page).locator('input[placeholder="11位手机号码"]').fill('13912345678');
    await inApp(page).getByText('请选择界别').click();
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    await inApp(page).getByText('企业管理技术人员', { exact: true }).waitFor();
    await inApp(page).locator('input[placeholder="选填"]').first().fill('浦东某设计工作室');
    await inApp(page).getByText('保存', { exact: true }).click();

    await inApp(page).getByText('郑小雨').first().waitFor();
    await inApp(page).getByText('139****5678').first().waitFor();
    expect(await inApp(page).getByText('13912345678').count()).toBe(0);
  });
});
