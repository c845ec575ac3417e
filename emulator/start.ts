import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildFunctions } from '../scripts/build-functions';
import { ensureAppBuilt } from '../scripts/app-build';
import indexes from '../cloudfunctions/database/indexes.json';
import type { IndexDeclarations } from './db';
import { startHost } from './host/host';
import { seedDemoData } from './seed/seed';
import { localSettings } from './settings';

// The SDK probes a Tencent Cloud metadata host before every request unless told it runs there; that flag
// changes nothing else (see TOOLCHAIN.md), and here the serviceUrl decides where requests go.
process.env.TENCENTCLOUD = 'true';
process.env.SILENCE = 'true';

async function main() {
  const reset = process.argv.includes('--reset');
  // Benchmarks call only the API: they serve dist/h5 as it is rather than run a Taro build (one at a time per machine).
  const buildApp = !process.argv.includes('--no-app-build');
  const settings = localSettings(process.env);
  // The functions run in this process's worker threads and read their ticket key from the environment, as on CloudBase.
  process.env.XINLIAN_TICKET_KEY ??= settings.ticketKey;
  mkdirSync(path.dirname(settings.databaseFile), { recursive: true });
  await buildFunctions({ force: false });
  if (buildApp) ensureAppBuilt('h5');
  const root = path.resolve(__dirname, '..');
  const host = await startHost({
    ...settings,
    indexes: indexes as IndexDeclarations,
    functionsDir: path.join(root, 'dist/cloudfunctions'),
    h5Dir: path.join(root, 'dist/h5'),
  });
  if (reset) host.emulator.reset();
  const seeded = await seedDemoData({ env: settings.env, secretId: settings.secretId, secretKey: settings.secretKey, serviceUrl: `${host.url}/admin` });
  console.log([
    '',
    `Xinlian is running at ${host.url}/`,
    `  H5 app:        ${host.url}/  (pick a demo persona on first open)`,
    `  functions:     POST ${host.url}/api/<function>  {"action": "...", "data": {...}}`,
    `  CloudBase API: serviceUrl ${host.url}/admin  env=${settings.env} secretId=${settings.secretId} secretKey=${settings.secretKey}`,
    `  database:      ${settings.databaseFile}${seeded ? ' (demo data seeded)' : ''}`,
    `  file storage:  ${path.join(path.dirname(settings.databaseFile), 'storage')}  (files at ${host.url}/storage/${host.storage.bucket}/...)`,
    '  Ctrl+C stops; `npm start -- --reset` wipes and reseeds.',
    '',
  ].join('\n'));
  const stop = () => host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
