import { build, type Plugin } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const sourceRoot = path.join(root, 'cloudfunctions');
const outputRoot = path.join(root, 'dist', 'cloudfunctions');
/** Folders under cloudfunctions/ that are not deployable functions. */
const notFunctions = new Set(['shared', 'database']);

/** Every deployable function: a folder of cloudfunctions/ with an index.ts. */
export function functionNames(): string[] {
  return readdirSync(sourceRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !notFunctions.has(entry.name))
    .filter((entry) => existsSync(path.join(sourceRoot, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** What a bundle is built from besides cloudfunctions/: the installed packages and the patches applied to them. */
const installedPackages = [path.join(root, 'node_modules', '.package-lock.json'), path.join(root, 'patches')];

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isUpToDate(name: string, sourcesChangedAt: number): boolean {
  const bundle = path.join(outputRoot, name, 'index.js');
  const manifest = path.join(outputRoot, name, 'package.json');
  return existsSync(bundle) && existsSync(manifest) && statSync(bundle).mtimeMs > sourcesChangedAt;
}

/**
 * The SDK reads its version from `../../package.json` relative to its own file, which a bundle does not
 * have; baking the version in keeps the SDK's User-Agent and version headers truthful.
 */
function sdkVersionPlugin(): Plugin {
  const sdkPackage = JSON.parse(readFileSync(path.join(root, 'node_modules/@cloudbase/node-sdk/package.json'), 'utf8')) as { version: string };
  return {
    name: 'cloudbase-sdk-version',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, () => ({
        contents: `exports.version = ${JSON.stringify(sdkPackage.version)};`,
        loader: 'js',
      }));
    },
  };
}

async function bundleFunction(name: string): Promise<void> {
  const outDir = path.join(outputRoot, name);
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(sourceRoot, name, 'index.ts')],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [sdkVersionPlugin()],
  });
  const projectVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify({ name, version: projectVersion, main: 'index.js' }, null, 2)}\n`);
}

/**
 * Bundles each function, with everything it imports (the CloudBase SDK included), into
 * dist/cloudfunctions/<name>/ so each folder deploys alone. Skips functions whose bundle is newer than
 * every file under cloudfunctions/ and the last install (patches included) unless `force`; answers the names it built.
 */
export async function buildFunctions({ force }: { force: boolean }): Promise<string[]> {
  const sourcesChangedAt = Math.max(
    newestSourceTime(sourceRoot),
    ...installedPackages.filter((file) => existsSync(file)).map((file) => (statSync(file).isDirectory() ? newestSourceTime(file) : statSync(file).mtimeMs)),
  );
  const stale = functionNames().filter((name) => force || !isUpToDate(name, sourcesChangedAt));
  for (const name of stale) await bundleFunction(name);
  return stale;
}

// Run as a script (`npm run build:functions`), not when imported by the start and test scripts.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename) {
  const started = Date.now();
  buildFunctions({ force: process.argv.includes('--force') })
    .then((built) => {
      for (const name of functionNames()) {
        const kib = statSync(path.join(outputRoot, name, 'index.js')).size / 1024;
        console.log(`${built.includes(name) ? 'built  ' : 'current'} dist/cloudfunctions/${name}/index.js ${kib.toFixed(0)} KiB`);
      }
      console.log(`${built.length} of ${functionNames().length} functions built in ${Date.now() - started} ms`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
