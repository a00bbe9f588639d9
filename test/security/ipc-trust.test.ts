// IPC accepts only the app's own page: the bundled index.html (any route) or, in a dev run, the dev
// server's origin. Other local files, look-alike paths and remote pages are refused.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedPage } from '../../src-main/ipc/trust';

const indexFile = '/opt/Task Atlas/resources/app.asar/out/renderer/index.html';
const own = pathToFileURL(indexFile).href;

describe('isTrustedPage', () => {
  it('accepts the bundled renderer with any route', () => {
    expect(isTrustedPage(own, { indexFile })).toBe(true);
    expect(isTrustedPage(`${own}#/explore?run=a`, { indexFile })).toBe(true);
  });

  it('refuses other local files and look-alikes', () => {
    expect(isTrustedPage('file:///home/me/Downloads/evil.html', { indexFile })).toBe(false);
    expect(isTrustedPage(`${own}.html`, { indexFile })).toBe(false);
    expect(isTrustedPage(own.replace('index.html', '../renderer/index.html'), { indexFile })).toBe(true);
    expect(isTrustedPage('file:///opt/Task%20Atlas/resources/app.asar/out/renderer/other.html', { indexFile })).toBe(false);
  });

  it('accepts the dev server only when one is configured, by origin', () => {
    expect(isTrustedPage('http://localhost:5173/#/classify', { indexFile })).toBe(false);
    expect(isTrustedPage('http://localhost:5173/#/classify', { indexFile, devUrl: 'http://localhost:5173' })).toBe(true);
    expect(isTrustedPage('http://localhost:5174/', { indexFile, devUrl: 'http://localhost:5173' })).toBe(false);
    expect(isTrustedPage('https://example.com/', { indexFile, devUrl: 'http://localhost:5173' })).toBe(false);
    expect(isTrustedPage('not a url', { indexFile, devUrl: 'http://localhost:5173' })).toBe(false);
  });
});
