// Preloaded into the local host (`--require`) to profile it: Node 20 refuses `--cpu-prof` in NODE_OPTIONS, and the
// host is spawned with its own command line. Plain CommonJS because it loads before tsx does (and in tsx's loader
// thread, which it leaves alone). Writes `host-<pid>.cpuprofile` into XINLIAN_HOST_CPU_PROF at exit.
const { writeFileSync } = require('node:fs');
const { Session } = require('node:inspector');
const path = require('node:path');
const { isMainThread } = require('node:worker_threads');

const profileDir = process.env.XINLIAN_HOST_CPU_PROF;
if (profileDir && isMainThread) {
  const session = new Session();
  session.connect();
  // The main thread's inspector session answers synchronously, which is what lets the exit handler write the profile.
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(path.join(profileDir, `host-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
