// One API call over the local HTTP transport, as the renderer makes it (POST /api/<call> with the
// launch token), for the benchmarks that drive `serve`: the result, or an error naming the call and
// the error kind. `agent`: a keep-alive agent, so a ping measures the call rather than a new socket.
import { request, type Agent } from 'node:http';
import type { HttpServerHandle } from '../src-main/http/server';

export function apiCall<T>(server: Pick<HttpServerHandle, 'url' | 'token'>, name: string, args: unknown, agent?: Agent): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(`/api/${name}`, server.url),
      { method: 'POST', ...(agent ? { agent } : {}), headers: { 'content-type': 'application/json', 'x-task-atlas-token': server.token } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const body = JSON.parse(text) as { ok: true; result: T } | { ok: false; error: { kind: string; message: string } };
          if (body.ok) resolve(body.result);
          else reject(new Error(`${name}: ${body.error.kind}: ${body.error.message}`));
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}
