// Application settings: <configDir>/settings.json, validated with the shared SettingsSchema. A file
// with a bad or unknown value keeps every valid value and falls back to the default for the rest
// (a hand edit must not lock the user out); updates merge `models` key by key.
import { join } from 'node:path';
import {
  defaultSettings,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../../src-shared/settings';
import type { Logger } from '../log';
import { readJsonFile, writeJsonAtomic } from './atomic';

export class SettingsStore {
  private current: Settings;

  /** file = null keeps the settings in memory (tests, createService(project)). */
  constructor(
    readonly file: string | null,
    private readonly defaults: Settings,
    private readonly logger?: Logger,
  ) {
    this.current = file ? this.load(file) : structuredClone(defaults);
  }

  static forConfigDir(configDir: string, logger?: Logger): SettingsStore {
    return new SettingsStore(join(configDir, 'settings.json'), defaultSettings(join(configDir, 'models')), logger);
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /** Applies a validated patch and saves; throws (leaving settings unchanged) if the result is invalid. */
  update(patch: SettingsPatch): Settings {
    const next = SettingsSchema.parse({
      ...this.current,
      ...patch,
      models: { ...this.current.models, ...(patch.models ?? {}) },
    });
    if (this.file) writeJsonAtomic(this.file, next);
    this.current = next;
    return this.get();
  }

  private load(file: string): Settings {
    let raw: unknown;
    try {
      raw = readJsonFile(file);
    } catch (err) {
      this.logger?.warn('settings.unreadable', { file, message: (err as Error).message });
      return structuredClone(this.defaults);
    }
    if (raw === undefined) return structuredClone(this.defaults);
    return this.repair(file, raw);
  }

  /** Keeps the file's valid keys; each invalid or unknown one is dropped or reset with a warning. */
  private repair(file: string, raw: unknown): Settings {
    const obj = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const rawModels = obj.models;
    const models = typeof rawModels === 'object' && rawModels !== null ? (rawModels as Record<string, unknown>) : {};
    const candidate: Record<string, unknown> = { ...this.defaults, ...obj, models: { ...this.defaults.models, ...models } };
    for (let round = 0; round < 3; round++) {
      const parsed = SettingsSchema.safeParse(candidate);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) {
        const [top, sub] = issue.path.map(String);
        this.logger?.warn('settings.invalid-value', { file, key: issue.path.join('.'), message: issue.message });
        if (issue.code === 'unrecognized_keys') {
          const target = top === 'models' ? (candidate.models as Record<string, unknown>) : candidate;
          for (const k of issue.keys) delete target[k];
        } else if (top === 'models' && sub !== undefined) {
          (candidate.models as Record<string, unknown>)[sub] = this.defaults.models[sub as keyof Settings['models']];
        } else if (top !== undefined) {
          candidate[top] = this.defaults[top as keyof Settings];
        }
      }
    }
    return structuredClone(this.defaults);
  }
}
