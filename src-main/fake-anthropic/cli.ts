// `node --import tsx src-main/fake-anthropic/cli.ts [--port N] [--latency MS] [--rate429 P] …`
// Starts the fake Anthropic API for manual runs and demo mode, and prints its baseURL on stdout
// (first line, nothing else) so a parent process can read it.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startFakeAnthropic } from './server';
import type { FakeStartOptions } from './types';

// Flag → option. Every value is a number; --latency and --jitter are shorter names for the ms knobs.
const FLAGS: Record<string, keyof FakeStartOptions> = {
  port: 'port',
  latency: 'latencyMs',
  jitter: 'latencyJitterMs',
  rate429: 'rate429',
  rate529: 'rate529',
  rate500: 'rate500',
  'retry-after': 'retryAfterSeconds',
  malformed: 'malformedRate',
  'out-of-options': 'outOfOptionsRate',
  seed: 'seed',
  'batch-delay': 'batchDelayMs',
  'batch-poll-faults': 'batchPollFaultRate',
  rpm: 'requestsPerMinute',
  itpm: 'inputTokensPerMinute',
  otpm: 'outputTokensPerMinute',
};

const USAGE = `Usage: fake-anthropic [${Object.keys(FLAGS)
  .map((f) => `--${f} N`)
  .join('] [')}]
Prints the baseURL to pass to new Anthropic({ baseURL, apiKey: 'anything' }).
`;

export function parseFlags(argv: string[]): FakeStartOptions {
  const options = Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: 'string' as const }]));
  const { values } = parseArgs({ args: argv, options, strict: true });
  const out: FakeStartOptions = {};
  for (const [flag, raw] of Object.entries(values)) {
    const n = Number(raw);
    if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n)) throw new Error(`--${flag} needs a number`);
    out[FLAGS[flag]!] = n;
  }
  return out;
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  let opts: FakeStartOptions;
  try {
    opts = parseFlags(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const fake = await startFakeAnthropic(opts);
  process.stdout.write(`${fake.baseURL}\n`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Only when run directly, so tests can import parseFlags without starting a server.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main(process.argv.slice(2));
}
