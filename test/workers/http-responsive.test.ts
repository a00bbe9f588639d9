// The point of the task workers: while k-means computes in a worker, the HTTP transport on this
// thread keeps answering calls (run in-thread, the same k-means would hold every answer back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { kmeansAsync } from '../../src-main/engine/cluster/async';
import { closeProject, openProject, type Project } from '../../src-main/engine/project';
import { createService } from '../../src-main/engine/service';
import { startHttpServer, type HttpServerHandle } from '../../src-main/http/server';
import { uniform } from '../cluster/synthetic';

let project: Project;
let server: HttpServerHandle;

beforeAll(async () => {
  project = openProject(':memory:', { resourcesDir: resolve(__dirname, '../../resources') });
  server = await startHttpServer({ handlers: createService(project), staticDir: mkdtempSync(join(tmpdir(), 'atlas-workers-http-')) });
});
afterAll(async () => {
  await server.close();
  closeProject(project);
});

/** settings.get over HTTP; resolves with its latency in ms. */
function ping(): Promise<number> {
  const start = performance.now();
  return new Promise((done, fail) => {
    const req = request(new URL('/api/settings.get', server.url), { method: 'POST', headers: { 'x-task-atlas-token': server.token } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? done(performance.now() - start) : fail(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', fail);
    req.end('{}');
  });
}

describe('HTTP transport while a worker computes', () => {
  it('answers pings during k-means in a worker thread', async () => {
    const data = uniform(3000, 32, 9);
    let iterations = 0;
    let finished = false;
    const clustering = kmeansAsync(data, 100, { seed: 1, where: 'worker', tolerance: 0, maxIterations: 25, onIteration: (i) => (iterations = i) }).then((r) => {
      finished = true;
      return r;
    });
    const latencies: number[] = [];
    // Pings while k-means has started iterating and has not finished.
    while (!finished) {
      const ms = await ping();
      if (iterations > 0 && !finished) latencies.push(ms);
      await new Promise((r) => setTimeout(r, 20));
    }
    const result = await clustering;
    expect(result.iterations).toBeGreaterThan(3);
    expect(latencies.length).toBeGreaterThanOrEqual(3);
    // Generous for a loaded 2-core CI machine; a blocked thread would answer only after k-means.
    expect(Math.max(...latencies)).toBeLessThan(1000);
  }, 20_000);
});
