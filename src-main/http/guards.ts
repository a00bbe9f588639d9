// What every request to the local HTTP transport must pass before it reaches the engine: a loopback
// Host (DNS rebinding), the page's own Origin on API calls (another site's page, even one served
// from this machine, cannot drive the engine), a decodable URL and a bounded body. The frame
// headers keep the page out of other sites' frames (clickjacking).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

/** Sent on every response; static.ts's full page policy repeats frame-ancestors. */
export const FRAME_HEADERS = { 'content-security-policy': "frame-ancestors 'none'", 'x-frame-options': 'DENY' } as const;

export function hostAllowed(host: string | undefined): boolean {
  return /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host ?? '');
}

/**
 * Browsers send Origin on every cross-origin request and on same-origin POSTs; a request without it
 * comes from a program, not a page (the token still guards it). With it, only this server's own
 * origin is allowed: a page elsewhere on this machine (another port, a file:// page, "null") is not.
 */
export function originAllowed(origin: string | undefined, port: number | undefined): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The request's URL and decoded pathname, or null when it cannot be decoded (`/%`, bad UTF-8). */
export function parseRequestUrl(raw: string | undefined): { url: URL; path: string } | null {
  try {
    const url = new URL(raw ?? '/', 'http://127.0.0.1');
    return { url, path: decodeURIComponent(url.pathname) };
  } catch {
    return null;
  }
}

export function tokenMatches(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string' || header.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(header), Buffer.from(token));
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${Math.round(limit / 1024)} KB`);
  }
}

/**
 * The body as text, refusing one over `limit` bytes (declared by Content-Length or counted as it
 * arrives). The rest of an oversized body is read and dropped rather than the socket destroyed, so
 * the client receives the 413 instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(new BodyTooLargeError(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      chunks.length = 0;
      req.resume();
      reject(new BodyTooLargeError(limit));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(text);
}

/** A refusal in the contract's envelope, so the renderer's client reads it like any error. */
export function refuse(res: ServerResponse, status: number, kind: string, message: string, extra?: Record<string, string>): void {
  sendJson(res, status, { ok: false, error: { kind, message } }, extra);
}
