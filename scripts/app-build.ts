import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type AppTarget = 'h5' | 'weapp';

const root = path.resolve(__dirname, '..');
/** What a mini program build reads: its sources, the shared contract, and the build configuration. */
const appInputs = ['src', 'config', 'cloudfunctions/shared/contract', 'babel.config.js', 'package-lock.json', 'tsconfig.json'];

export function newestModification(paths: string[]): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stats = statSync(entry);
    if (stats.isDirectory()) for (const child of readdirSync(entry)) visit(path.join(entry, child));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const entry of paths) visit(path.join(root, entry));
  return newest;
}

/** Builds dist/<target> with Taro in production mode unless a build newer than every input is there. */
export function ensureAppBuilt(target: AppTarget, options: { force?: boolean } = {}): boolean {
  const stamp = path.join(root, 'dist', target, '.xinlian-build');
  const builtAt = existsSync(stamp) ? Number(readFileSync(stamp, 'utf8')) : 0;
  if (!options.force && builtAt > newestModification(appInputs)) return false;
  console.log(`Building the ${target} app (taro build --type ${target})…`);
  const started = Date.now();
  const result = spawnSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', target], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`taro build --type ${target} failed (exit ${result.status})`);
  writeFileSync(stamp, String(started));
  console.log(`Built dist/${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
