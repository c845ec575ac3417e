import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface StartedLocalHost {
  url: string;
  dataDir: string;
  output(): string;
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
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      await exited;
      if (!options.dataDir && signal !== 'SIGKILL') rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
