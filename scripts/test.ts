import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumPath } from '../test/support/chromium';
import { ensureAppBuilt } from './app-build';
import { buildFunctions } from './build-functions';

/** `npm test`: type check, lint, build what the tests load, then every jest suite in band (2 cores). */
const root = path.resolve(__dirname, '..');

function run(label: string, command: string, args: string[]): void {
  console.log(`\n== ${label}`);
  const result = spawnSync(path.join(root, 'node_modules/.bin', command), args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${label} failed`);
    process.exit(result.status ?? 1);
  }
}

async function main() {
  run('type check (tsc --noEmit)', 'tsc', ['--noEmit', '-p', 'tsconfig.json']);
  run('lint (eslint)', 'eslint', ['--max-warnings', '0', '.']);
  if (!existsSync(chromiumPath())) {
    console.error([
      `Chromium is missing (looked for ${chromiumPath()}): the end-to-end tests drive it.`,
      'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.',
    ].join('\n'));
    process.exit(1);
  }
  console.log('\n== build (functions, weapp, h5; skipped when up to date)');
  await buildFunctions({ force: false });
  ensureAppBuilt('weapp');
  ensureAppBuilt('h5');
  const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'xinlian-jest-')), 'report.json');
  const jestArgs = ['--runInBand', '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
  console.log(`\n== jest ${jestArgs.join(' ')}`);
  const jest = spawnSync(path.join(root, 'node_modules/.bin/jest'), jestArgs, { cwd: root, stdio: 'inherit' });
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
    console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`);
  }
  process.exit(jest.status ?? 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
