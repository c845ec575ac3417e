import { benchCheckin } from './checkin';
import { benchEventsList } from './events-list';
import { benchSdkCall } from './sdk-call';
import { benchSignup } from './signup';

// Benchmarks print one `name: value` line per figure; README's "Figures" section records a run of this.
process.env.TENCENTCLOUD = 'true';
process.env.SILENCE = 'true';

const benches: Record<string, () => Promise<void>> = {
  'events-list': benchEventsList,
  signup: benchSignup,
  checkin: benchCheckin,
  'sdk-call': benchSdkCall,
};

async function main() {
  const only = process.argv.slice(2);
  for (const [name, bench] of Object.entries(benches)) {
    if (only.length && !only.includes(name)) continue;
    console.log(`# ${name}`);
    await bench();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
