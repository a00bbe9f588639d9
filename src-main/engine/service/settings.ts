// Settings: read and update the app's settings, and set or remove the Claude API key. The key is
// handed to the secret store only; what comes back is its status (present, where, last 4 chars).
// installModel is `task-atlas models import` for the app: check a model folder, copy it into the cache.
import type { ModelInstallResult } from '../../../src-shared/api';
import { insecureEndpointReason } from '../../../src-shared/endpoint';
import type { SettingsView } from '../../../src-shared/settings';
import { InvalidInputError } from '../errors';
import { importModelFolder, resolveModelId } from '../embed/models';
import type { AppHost } from '../host';
import { expandPath } from '../paths';
import { apiKeyStatus } from '../settings/secrets';
import type { HandlerGroup } from './types';

export function settingsHandlers(host: AppHost): HandlerGroup<'settings.get' | 'settings.update' | 'settings.setApiKey' | 'settings.installModel'> {
  return {
    'settings.get': async () => view(host),
    'settings.update': async ({ confirmInsecureEndpoint, ...patch }) => {
      checkEndpoint(host, patch.baseURL, confirmInsecureEndpoint === true);
      host.settings.update(patch);
      host.logger.info('settings.updated', { keys: Object.keys(patch) });
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
 * The API key goes to the Claude endpoint with every request: moving it to plain http on another
 * machine needs the user's explicit yes. Only a change is checked, so saving other settings does not
 * ask again for an endpoint confirmed earlier.
 */
function checkEndpoint(host: AppHost, baseURL: string | undefined, confirmed: boolean): void {
  if (baseURL === undefined || baseURL === host.settings.get().baseURL || confirmed) return;
  const reason = insecureEndpointReason(baseURL);
  if (reason) throw new InvalidInputError(`Claude endpoint not changed: ${reason} Confirm it to use this endpoint anyway.`);
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
