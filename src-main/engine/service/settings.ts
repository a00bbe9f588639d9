// Settings: read and update the app's settings, and set or remove the Claude API key. The key is
// handed to the secret store only; what comes back is its status (present, where, last 4 chars).
// installModel is `task-atlas models import` for the app: check a model folder, copy it into the cache.
import type { ModelInstallResult } from '../../../src-shared/api';
import type { SettingsView } from '../../../src-shared/settings';
import { importModelFolder, resolveModelId } from '../embed/models';
import type { AppHost } from '../host';
import { expandPath } from '../paths';
import { apiKeyStatus } from '../settings/secrets';
import type { HandlerGroup } from './types';

export function settingsHandlers(host: AppHost): HandlerGroup<'settings.get' | 'settings.update' | 'settings.setApiKey' | 'settings.installModel'> {
  return {
    'settings.get': async () => view(host),
    'settings.update': async (args) => {
      host.settings.update(args);
      host.logger.info('settings.updated', { keys: Object.keys(args) });
      return view(host);
    },
    'settings.setApiKey': async (args) => {
      const key = args.key === null ? null : args.key.trim();
      host.secrets.set(key === '' ? null : key);
      const status = apiKeyStatus(host.secrets);
      host.logger.info(key === null ? 'api-key.removed' : 'api-key.set', { source: status.source });
      return status;
    },
    'settings.installModel': async (args) => installModel(host, args.path, args.model),
  };
}

/**
 * Installs the folder as `model` (default: the model the settings use) in the model cache, then
 * makes it the embedding model, so the next build or classify finds it. An incomplete folder is
 * refused with every missing file named (InvalidInputError from importModelFolder).
 */
function installModel(host: AppHost, path: string, model: string | undefined): ModelInstallResult {
  const settings = host.settings.get();
  const name = model?.trim() || settings.embeddingModel;
  resolveModelId(name);
  const folder = importModelFolder(expandPath(path), settings.modelCacheDir, name);
  if (name !== settings.embeddingModel) host.settings.update({ embeddingModel: name });
  host.logger.info('model.installed', { model: name });
  return { model: name, folder, view: view(host) };
}

function view(host: AppHost): SettingsView {
  return { settings: host.settings.get(), apiKey: apiKeyStatus(host.secrets), file: host.settings.file ?? '(in memory)' };
}
