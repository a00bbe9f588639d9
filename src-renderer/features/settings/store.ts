// Settings: the settings file's values and the API key's status. Updates go through the engine,
// which validates them and answers with the new view; the theme is applied as soon as it is known.
import type { ApiArgs, ModelInstallResult } from '../../../src-shared/api';
import type { SettingsView } from '../../../src-shared/settings';
import { createResource } from '../../app/resource';
import { getApiClient } from '../../transport/client';
import { applyTheme } from './theme';

export const settingsStore = createResource<SettingsView>(async (api) => {
  const view = await api['settings.get']({});
  applyTheme(view.settings.theme);
  return view;
});

/** The patch may carry confirmInsecureEndpoint: the user's yes to a plain-http, non-local endpoint. */
export async function updateSettings(patch: ApiArgs<'settings.update'>): Promise<SettingsView> {
  const view = await getApiClient()['settings.update'](patch);
  applyTheme(view.settings.theme);
  settingsStore.set(view);
  return view;
}

/** Checks and installs a model folder; the engine answers with the settings that now use it. */
export async function installModel(path: string, model: string | undefined): Promise<ModelInstallResult> {
  const result = await getApiClient()['settings.installModel']({ path, ...(model ? { model } : {}) });
  settingsStore.set(result.view);
  return result;
}

/** null removes the stored key. The key itself is never kept here, only the status the engine returns. */
export async function setApiKey(key: string | null): Promise<void> {
  const apiKey = await getApiClient()['settings.setApiKey']({ key });
  const current = settingsStore.getSnapshot().data;
  if (current) settingsStore.set({ ...current, apiKey });
  else await settingsStore.load();
}
