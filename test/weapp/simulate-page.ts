import path from 'node:path';
import simulate from 'miniprogram-simulate';

export const distRoot = path.resolve(__dirname, '../../dist/weapp');

/** What a stubbed `wx.cloud.callFunction` answers: the Reply a cloud function would return. */
export type CloudAnswer = (fn: string, action: string, data: unknown) => unknown;

export interface CloudCall {
  name: string;
  action: string;
  data: unknown;
}

interface PageOptions {
  data?: Record<string, unknown>;
  [hook: string]: unknown;
}

interface PageInstance {
  route: string;
  onLoad(query: Record<string, string>): void;
  onShow(): void;
  onReady(): void;
}

interface Globals {
  wx: Record<string, unknown>;
  App: (options: Record<string, unknown>) => void;
  getApp: () => Record<string, unknown>;
  getCurrentPages: () => unknown[];
  Page: (options: PageOptions) => void;
  Component: (options: Record<string, unknown>) => void;
}

/**
 * Prepares the globals a compiled Taro weapp needs and that miniprogram-simulate lacks (App, Page as a
 * component whose `attached` runs the page lifecycle), stubs `wx.cloud`, and starts dist/weapp/app.js.
 * Returns the calls the pages make, in order.
 */
export function startWeapp(answer: CloudAnswer, route: string): CloudCall[] {
  const globals = global as unknown as Globals;
  const calls: CloudCall[] = [];
  let appOptions: Record<string, unknown> = {};
  const pages: unknown[] = [];

  // Chunks queued by an earlier start would otherwise run against this start's fresh runtime.
  delete globals.wx.webpackJsonp;
  globals.wx.cloud = {
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: { action: string; data: unknown } }) => {
      calls.push({ name, action: data.action, data: data.data });
      return { result: answer(name, data.action, data.data), errMsg: 'cloud.callFunction:ok' };
    },
  };
  globals.App = (options) => {
    appOptions = options;
  };
  globals.getApp = () => appOptions;
  globals.getCurrentPages = () => pages;
  globals.Page = (options) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[key] = value;
    }
    globals.Component({
      data: options.data,
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          this.route = route;
          pages.push(this);
          this.onLoad({});
          this.onShow();
          this.onReady();
        },
      },
    });
  };

  jest.requireActual(path.join(distRoot, 'app.js'));
  (appOptions.onLaunch as (options: Record<string, unknown>) => void).call(appOptions, { path: route, query: {} });
  return calls;
}

export type RenderedPage = ReturnType<typeof simulate.render>;

/** Loads and attaches a compiled page, then waits for its first requests and renders to settle. */
export async function renderPage(route: string): Promise<RenderedPage> {
  const id = simulate.load(path.join(distRoot, route), { rootPath: distRoot, compiler: 'official' });
  const page = simulate.render(id);
  const parent = document.createElement('parent-wrapper');
  page.attach(parent);
  await settle();
  return page;
}

export function textOf(page: RenderedPage): string {
  return ((page.dom as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
}

/** Taps the first element carrying `className`, the way a finger would: through the component tree. */
export async function tap(page: RenderedPage, className: string): Promise<void> {
  const target = page.querySelector(`.${className}`);
  if (!target) throw new Error(`nothing with class ${className} on the page`);
  target.dispatchEvent('tap');
  await settle();
}

/** Waits until the page shows `text`: under load a render can take longer than one settle. */
export async function waitForText(page: RenderedPage, text: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!textOf(page).includes(text)) {
    if (Date.now() > deadline) throw new Error(`the page never showed “${text}”: ${textOf(page).slice(0, 300)}`);
    await simulate.sleep(50);
  }
}

/** The page's text once it shows `needle`: a busy machine can take longer than one settle to render. */
export async function showing(page: RenderedPage, needle: string): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const text = textOf(page);
    if (text.includes(needle)) return text;
    if (Date.now() > deadline) throw new Error(`the page never showed “${needle}”; it shows: ${text.slice(0, 400)}`);
    await simulate.sleep(50);
  }
}

export async function settle(): Promise<void> {
  await simulate.sleep(150);
}

/**
 * After `startWeapp`: answers to `action` wait until the returned release is called. The call is recorded at once,
 * so a second tap can land while the first request is still in flight.
 */
export function holdAnswers(action: string): () => void {
  const cloud = (global as unknown as Globals).wx.cloud as { callFunction: (options: { data: { action: string } }) => Promise<unknown> };
  let release: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  const send = cloud.callFunction;
  cloud.callFunction = async (options) => {
    const reply = send(options);
    if (options.data.action === action) await answered;
    return reply;
  };
  return () => release();
}

/** The harness loads pages without a query; call before `renderPage` for a page opened with one. */
export function openWith(query: Record<string, string>): void {
  const globals = global as unknown as Globals;
  const page = globals.Page;
  globals.Page = (options) =>
    page({
      ...options,
      onLoad(this: unknown) {
        return (options.onLoad as (query: Record<string, string>) => unknown).call(this, query);
      },
    });
}

/** Records what the page asks WeChat for (`wx[name]`), instead of doing it. */
export function recordWx(name: string): Record<string, unknown>[] {
  const globals = global as unknown as Globals;
  const seen: Record<string, unknown>[] = [];
  globals.wx[name] = (options: { success?: (result: unknown) => void; complete?: () => void }) => {
    seen.push(options);
    options.success?.({ errMsg: `${name}:ok` });
    options.complete?.();
  };
  return seen;
}
