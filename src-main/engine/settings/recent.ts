// Recently opened projects: <configDir>/recent.json, newest first, at most 10. Paths only: a
// project's content never leaves its own file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../../src-shared/api';
import type { Logger } from '../log';
import { readJsonFile, writeJsonAtomic } from './atomic';

export const MAX_RECENT = 10;

const RecentFileSchema = z.array(z.object({ path: z.string().min(1), openedAt: z.string() }));
type Entry = z.infer<typeof RecentFileSchema>[number];

export class RecentProjects {
  private entries: Entry[];

  /** file = null keeps the list in memory. */
  constructor(
    readonly file: string | null,
    private readonly logger?: Logger,
  ) {
    this.entries = file ? this.load(file) : [];
  }

  static forConfigDir(configDir: string, logger?: Logger): RecentProjects {
    return new RecentProjects(join(configDir, 'recent.json'), logger);
  }

  list(): RecentProject[] {
    return this.entries.map((e) => ({ ...e, exists: existsSync(e.path) }));
  }

  /** Moves (or adds) `path` to the top. In-memory projects are not worth remembering. */
  add(path: string, now = new Date()): void {
    if (path === ':memory:') return;
    this.entries = [{ path, openedAt: now.toISOString() }, ...this.entries.filter((e) => e.path !== path)].slice(0, MAX_RECENT);
    if (this.file) writeJsonAtomic(this.file, this.entries);
  }

  /** Forgets `path` (the demo project is never offered as a recent one). */
  remove(path: string): void {
    if (!this.entries.some((e) => e.path === path)) return;
    this.entries = this.entries.filter((e) => e.path !== path);
    if (this.file) writeJsonAtomic(this.file, this.entries);
  }

  private load(file: string): Entry[] {
    try {
      const parsed = RecentFileSchema.safeParse(readJsonFile(file) ?? []);
      if (parsed.success) return parsed.data.slice(0, MAX_RECENT);
      this.logger?.warn('recent.invalid', { file, message: parsed.error.issues[0]?.message });
    } catch (err) {
      this.logger?.warn('recent.unreadable', { file, message: (err as Error).message });
    }
    return [];
  }
}
