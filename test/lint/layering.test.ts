// The project's own ESLint config (eslint.config.js) rejects an import cycle, an upward import
// between engine layers and the engine starting the fake Claude server, and accepts a legal import.
// Code is linted as virtual text at a path inside the tree, so nothing is written to src-main; only
// the import-x rules run and without type information, which keeps this file to a few seconds.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let eslint: ESLint;

async function lint(code: string, filePath: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

beforeAll(() => {
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: { languageOptions: { parserOptions: { project: false } } },
    ruleFilter: ({ ruleId }) => ruleId.startsWith('import-x/'),
  });
});

describe('eslint layering', () => {
  it('fails on an import cycle', async () => {
    // errors.ts imports base/import-error.ts, so importing errors.ts back from there closes a loop.
    const messages = await lint(
      "import { NotFoundError } from '../errors';\nexport const probe = NotFoundError;\n",
      'src-main/engine/base/import-error.ts',
    );
    expect(messages).toContainEqual({ ruleId: 'import-x/no-cycle', message: expect.stringMatching(/^Dependency cycle/) });
  });

  it('fails on an upward import between engine layers', async () => {
    const llm = await lint("import { runStep } from '../pipeline/steps';\nexport const probe = runStep;\n", 'src-main/engine/llm/__probe.ts');
    expect(llm).toEqual([
      { ruleId: 'import-x/no-restricted-paths', message: expect.stringContaining('Layering: llm may import only its own or lower layers') },
    ]);
    expect(llm[0]!.message).toContain('"../pipeline/steps"');
    // The old host <-> jobs <-> service cycle started with a job importing a service constant.
    const jobs = await lint("import { sourceHandlers } from '../service/sources';\nexport const probe = sourceHandlers;\n", 'src-main/engine/jobs/__probe.ts');
    expect(jobs.map((m) => m.ruleId)).toEqual(['import-x/no-restricted-paths']);
    expect(jobs[0]!.message).toContain('Layering: jobs');
  });

  it('keeps the fake Claude server out of the engine', async () => {
    const messages = await lint(
      "import { startFakeAnthropic } from '../../fake-anthropic/server';\nexport const probe = startFakeAnthropic;\n",
      'src-main/engine/classify/__probe.ts',
    );
    expect(messages.map((m) => m.message)).toContainEqual(expect.stringContaining('the fake Claude server is started by front doors'));
  });

  it('passes on imports of the same or lower layers', async () => {
    const code = [
      "import { DEFAULT_SOURCE_ID } from '../analyze/inputs';",
      "import { throwIfAborted } from '../base/cancel';",
      "import { runStep } from '../pipeline/steps';",
      "import type { Db } from '../../db/open';",
      'export const probe: [string, unknown, unknown, Db | null] = [DEFAULT_SOURCE_ID, throwIfAborted, runStep, null];',
    ].join('\n');
    expect(await lint(code, 'src-main/engine/jobs/__probe.ts')).toEqual([]);
    // A front door may start the fake server.
    expect(await lint("import { startFakeAnthropic } from '../fake-anthropic/server';\nexport const p = startFakeAnthropic;\n", 'src-main/cli/__probe.ts')).toEqual([]);
  });
});
