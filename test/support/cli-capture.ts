// Runs the CLI's main(argv) in this process with stdout and stderr captured: the strict-CLI tests
// read the exit code and the exact lines a user would see, without a child process per command.
import { vi } from 'vitest';
import { main } from '../../src-main/cli/main';

export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(((c: string | Uint8Array) => ((out += String(c)), true)) as never);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(((c: string | Uint8Array) => ((err += String(c)), true)) as never);
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
