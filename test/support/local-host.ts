import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface StartedLocalHost {
  url: string;
  dataDir: string;
  output(): string;
  /** CPU seconds the host process has used so far, all its threads (Linux's /proc); null where there is no /proc. */
  cpuSeconds(): number | null;
  /** Stops the host; `signal: 'SIGKILL'` simulates a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const root = path.resolve(__dirname, '../..');

/**
 * Runs `npm start`'s script on a random port and a fresh data directory. Node runs it directly (not the tsx
 * wrapper, which forks) so that a SIGKILL reaches the process holding the database.
 */
export async function startLocalHost(options: { dataDir?: string; args?: string[] } = {}): Promise<StartedLocalHost> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'xinlian-host-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'emulator/start.ts', ...(options.args ?? [])], {
    cwd: root,
    env: { ...process.env, PORT: '0', XINLIAN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local host did not start:\n${output}`)), 120_000);
    let started = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Once started, the host logs a line per call; matching the whole output again for each would grow quadratically.
      const match = started ? null : /Xinlian is running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        started = true;
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local host exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => output,
    cpuSeconds: () => processCpuSeconds(child.pid),
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      await exited;
      if (!options.dataDir && signal !== 'SIGKILL') rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let clockTicksPerSecond: number | undefined;

/** User plus system time of a process from /proc/<pid>/stat (fields 14 and 15, in clock ticks). */
function processCpuSeconds(pid: number | undefined): number | null {
  const statFile = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(statFile)) return null;
  clockTicksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
  // The command name (field 2) may hold spaces; the fields after it follow its closing parenthesis.
  const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}
