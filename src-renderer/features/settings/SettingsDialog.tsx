// Settings as a modal dialog over the current step (reachable from the header and as #/settings),
// so changing a model mid-way does not lose the step being worked on.
import { useResource } from '../../app/resource';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { ApiKeySection } from './ApiKeySection';
import { ModelInstall } from './ModelInstall';
import { SettingsForm } from './SettingsForm';
import { DemoEntry } from '../project/DemoEntry';
import { settingsStore } from './store';

function SettingsBody() {
  const state = useResource(settingsStore);
  if (state.error && !state.data) return <ErrorBox title="Could not read the settings" error={state.error} onRetry={() => void settingsStore.load()} />;
  if (!state.data) return <p className="status">Reading the settings…</p>;
  const view = state.data;
  return (
    <div className="settings-body">
      <ApiKeySection status={view.apiKey} />
      <SettingsForm settings={view.settings} />
      <ModelInstall current={view.settings.embeddingModel} />
      <DemoEntry id="demo-settings" />
      <p className="note">
        Settings are kept per user in <code>{view.file}</code>, never in a project file.
      </p>
    </div>
  );
}

export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Settings" onClose={onClose} className="settings-dialog">
      <SettingsBody />
    </Dialog>
  );
}
