// Which pages may call the engine over IPC: exactly the app's own renderer. A file:// prefix is not
// enough (any local HTML file would pass), so the URL must be the bundled index.html itself, or the
// electron-vite dev server's origin in an unpackaged dev run. Pure, so it is tested without Electron.
import { pathToFileURL } from 'node:url';

export interface TrustedPages {
  /** Absolute path of the bundled renderer's index.html. */
  indexFile: string;
  /** The dev server URL (ELECTRON_RENDERER_URL), honoured only when the app is not packaged. */
  devUrl?: string | undefined;
}

export function isTrustedPage(url: string, pages: TrustedPages): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') return withoutFragment(parsed) === pathToFileURL(pages.indexFile).href;
  if (pages.devUrl === undefined || pages.devUrl === '') return false;
  try {
    return parsed.origin === new URL(pages.devUrl).origin;
  } catch {
    return false;
  }
}

/** The route lives in the query/fragment (hash router); only the document itself is compared. */
function withoutFragment(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
