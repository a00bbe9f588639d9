// Builds the renderer as a plain static site (out/web) that the HTTP server serves. The shared part
// is exported so electron.vite.config.ts can build the very same renderer for the desktop shell.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The dev server (vite serve / electron-vite dev) injects an inline React Refresh preamble, which
 * the production CSP in index.html rightly blocks. Relax script-src for `serve` only, so the
 * shipped build keeps the strict policy.
 */
function devCspRelax(): Plugin {
  return {
    name: 'task-atlas:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    },
  };
}

export const rendererConfig = {
  root: path.resolve(here, 'src-renderer'),
  // Relative asset URLs: the same build loads from http://host/ and from file:// in Electron.
  base: './',
  plugins: [react(), devCspRelax()],
  build: {
    // Explicit entry: electron-vite only auto-detects <project>/src/renderer/index.html and fails
    // the build without an input when the renderer lives elsewhere.
    rolldownOptions: { input: path.resolve(here, 'src-renderer/index.html') },
    // Plotly (a prebuilt ~4.6 MB minified bundle) is loaded lazily in its own chunk; it cannot be
    // shrunk by us, so warn only above its size rather than on every build.
    chunkSizeWarningLimit: 5000,
  },
} satisfies UserConfig;

export default defineConfig({
  ...rendererConfig,
  build: {
    ...rendererConfig.build,
    outDir: path.resolve(here, 'out/web'),
    emptyOutDir: true,
  },
});
