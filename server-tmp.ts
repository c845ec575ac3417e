import { startEmulatorServer } from './emulator/db';
import indexes from './cloudfunctions/database/indexes.json';
(async () => {
  const s = await startEmulatorServer({ file: '/tmp/scratch/bench.sqlite', env: 'e', secretId: 'i', secretKey: 'k', indexes, port: 47111 });
  console.log('ready'); const start = process.cpuUsage(); const startCount = s.emulator.requestCount;
  process.on('SIGTERM', async () => { const u = process.cpuUsage(start); console.log('served', s.emulator.requestCount, 'cpu us per request', Math.round((u.user + u.system) / (s.emulator.requestCount - startCount))); await s.close(); process.exit(0); });
})();
