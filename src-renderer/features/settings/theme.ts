// Light/dark: the chosen theme is a data-theme attribute on <html>; app.css holds the colour
// variables of both themes and follows the OS for "system". The choice is saved in the settings
// file, and mirrored in localStorage only so the first paint (before settings.get answers) is right.
import { THEMES, type Theme } from '../../../src-shared/settings';

const CACHE_KEY = 'task-atlas.theme';

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
  try {
    localStorage.setItem(CACHE_KEY, theme);
  } catch {
    // No storage: the settings file still remembers it; only the first paint may differ.
  }
}

export function cachedTheme(): Theme {
  try {
    const value = localStorage.getItem(CACHE_KEY);
    return isTheme(value) ? value : 'system';
  } catch {
    return 'system';
  }
}
