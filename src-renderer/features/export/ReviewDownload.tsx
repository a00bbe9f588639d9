// The review bundle as a browser download: everything a colleague needs to look at the results in
// Review mode, without the project file or any conversation text.
import { useResource } from '../../app/resource';
import { ErrorBox } from '../../components/ErrorBox';
import { useAction } from '../../components/useAction';
import { getApiClient } from '../../transport/client';
import { projectStore } from '../project/store';
import { reviewBundleName } from './export-args';
import { saveJsonText } from '../../components/save-file';

export function ReviewDownload() {
  const project = useResource(projectStore);
  const action = useAction(async () => {
    const bundle = await getApiClient()['review.bundle']({});
    const name = reviewBundleName(project.data?.name);
    saveJsonText(name, JSON.stringify(bundle));
    return name;
  });
  return (
    <section className="panel" aria-labelledby="review-download-title">
      <h3 id="review-download-title">Review bundle</h3>
      <p className="note">One file with every source’s and run’s results, to open in Task Atlas’s Review step (read only).</p>
      <button type="button" className="button secondary" id="download-review" disabled={action.state.status === 'running'} onClick={() => void action.run()}>
        {action.state.status === 'running' ? 'Preparing…' : 'Download review bundle'}
      </button>
      {action.state.status === 'done' && (
        <p role="status" className="success">
          Downloaded <code>{action.state.result}</code>.
        </p>
      )}
      {action.state.status === 'error' && <ErrorBox title="Could not build the review bundle" error={action.state.error} />}
    </section>
  );
}
