// Settings: read and update the app's settings, and set or remove the Claude API key. The key is
// handed to the secret store only; what comes back is its status (present, where, last 4 chars).
import type { SettingsView } from '../../../src-shared/settings';
import type { AppHost } from '../host';
import { apiKeyStatus } from '../settings/secrets';
import type { HandlerGroup } from './types';

export function settingsHandlers(host: AppHost): HandlerGroup<'settings.get' | 'settings.update' | 'settings.setApiKey'> {
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
  };
}

function view(host: AppHost): SettingsView {
  return { settings: host.settings.get(), apiKey: apiKeyStatus(host.secrets), file: host.settings.file ?? '(in memory)' };
}
