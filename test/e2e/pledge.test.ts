import type { Browser, Locator, Page } from 'playwright-core';
import { startLocalHost, type StartedLocalHost } from '../support/local-host';
import { inApp, launchBrowser, openPhonePage, openTab, pickPersona } from './browser';

/** Draws strokes with the mouse; points are fractions of the pad's box, so the test does not depend on its pixel size. */
async function drawOnPad(page: Page, pad: Locator, strokes: [number, number][][]): Promise<void> {
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(box.x + first[0] * box.width, box.y + first[1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
    await page.mouse.up();
  }
}

describe('the pledge in Chromium: read, sign by hand, get a certificate, verify it signed out', () => {
  let host: StartedLocalHost;
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    host = await startLocalHost();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await host?.stop();
  });

  it('a new-media member re-signs the updated pledge and a signed-out visitor verifies the serial, valid and then withdrawn', async () => {
    const page = await openPhonePage(browser, host.url);
    pages.push(page);
    await pickPersona(page, '林晓');
    await openTab(page, '公约');

    // 林晓 signed version 1 in the demo data; version 2 is current, so she sees what changed.
    const app = inApp(page);
    await app.getByText('浦东新区新媒体从业人员自律公约').first().waitFor();
    await app.getByText('公约已更新，请重新签署').waitFor();
    await app.getByText('第 2 版更新内容').waitFor();
    await app.getByText('第十条 文明管理评论区').first().waitFor();

    const locked = app.getByText('请阅读至文末后签署', { exact: true });
    await locked.waitFor();
    expect(await locked.getAttribute('class')).toContain('btn--disabled');
    await locked.click();
    expect(await app.getByText('手写签名', { exact: true }).count()).toBe(0);

    await app.getByText('— 全文完 —').scrollIntoViewIfNeeded();
    await app.getByText('签署新版公约', { exact: true }).click();

    await app.getByText('手写签名', { exact: true }).waitFor();
    await expect(app.locator('input[placeholder="请填写真实姓名"]').inputValue()).resolves.toBe('林晓');
    await expect(app.locator('input[placeholder="请填写工作单位"]').inputValue()).resolves.toBe('浦江视听工作室');
    await expect(app.locator('input[placeholder="如：微信公众号、抖音"]').inputValue()).resolves.toBe('微信公众号');
    await app.getByText('新媒体从业人员', { exact: true }).waitFor();

    const pad = app.locator('canvas[data-testid="signature-pad"]');
    await pad.scrollIntoViewIfNeeded();
    await drawOnPad(page, pad, [[[0.5, 0.5], [0.52, 0.51]]]);
    await app.getByText('确认并签署', { exact: true }).click();
    await app.locator('.signature-pad__error', { hasText: '签名笔画太少，请用手写完整签名' }).waitFor();

    await app.getByText('清除重写', { exact: true }).click();
    await app.getByText('请在此处手写签名').waitFor();
    await drawOnPad(page, pad, [
      [[0.12, 0.35], [0.3, 0.33]],
      [[0.21, 0.2], [0.22, 0.75]],
      [[0.21, 0.42], [0.1, 0.65]],
      [[0.22, 0.42], [0.34, 0.62]],
      [[0.45, 0.3], [0.58, 0.25], [0.6, 0.5], [0.46, 0.55], [0.5, 0.75], [0.64, 0.7]],
      [[0.7, 0.25], [0.88, 0.72], [0.78, 0.5], [0.9, 0.3]],
    ]);
    expect(await app.locator('.signature-pad__error').count()).toBe(0);
    await app.getByText('确认并签署', { exact: true }).click();

    await app.getByText('签署成功').waitFor();
    const serial = (await app.locator('.certificate__serial').innerText()).trim();
    expect(serial).toMatch(/^XL-[0-9A-Z]{10}$/);
    await app.getByText('正在生成证书…').waitFor({ state: 'detached' });
    // The certificate is painted, not blank: many distinct colours across the canvas.
    const colours = await app.locator('canvas.certificate__canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      for (let index = 0; index < data.length; index += 4 * 97) seen.add((data[index] << 16) | (data[index + 1] << 8) | data[index + 2]);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(5);
    const [download] = await Promise.all([page.waitForEvent('download'), app.getByText('下载证书图片', { exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`自律公约证书-${serial}.png`);

    // A new browser context holds no session token: the verify page must answer without signing in.
    const visitor = await openPhonePage(browser, `${host.url}/#/package-pledge/verify/index?serial=${serial}`);
    pages.push(visitor);
    const result = inApp(visitor).locator('.verify__result');
    await result.getByText('有效', { exact: true }).waitFor();
    await result.getByText('林*', { exact: true }).waitFor();
    await result.getByText('浦东新区新媒体从业人员自律公约（第 2 版）').waitFor();
    expect(await inApp(visitor).getByText('林晓').count()).toBe(0);
    expect(await inApp(visitor).getByText('浦江视听').count()).toBe(0);
    expect(visitor.url()).toContain('package-pledge/verify');

    await inApp(visitor).locator('input[placeholder^="证书编号"]').fill('XL-ABCDE23456');
    await inApp(visitor).getByText('验证', { exact: true }).click();
    await result.getByText('未找到该证书', { exact: true }).waitFor();

    // The member withdraws; the record stays, and the same serial now verifies as withdrawn.
    await page.goto(`${host.url}/#/package-pledge/my-signatures/index`);
    await app.getByText(serial).waitFor();
    await app.getByText('撤回签署', { exact: true }).first().click();
    await page.getByText('确认撤回', { exact: true }).click();
    await app.getByText('撤回时间').waitFor();
    await inApp(visitor).locator('input[placeholder^="证书编号"]').fill(serial);
    await inApp(visitor).getByText('验证', { exact: true }).click();
    await result.getByText('已撤回', { exact: true }).waitFor();
  });
});
