// The latest import job: its live card and, once done, the error report of rows that were skipped,
// each with its line number so the file can be fixed.
import type { JobInfo, JobResults } from '../../../src-shared/jobs';
import { formatInt } from '../../components/format';
import { JobCard } from '../jobs/JobCard';

export function ImportReport({ job }: { job: JobInfo }) {
  const result = job.status === 'done' ? (job.result as JobResults['conversations.import'] | null) : null;
  return (
    <div className="page-job" id="conversations-job">
      <JobCard job={job} dismissable={false} />
      {result && (
        <section aria-labelledby="import-report-title" id="import-report">
          <h4 id="import-report-title">Import report</h4>
          <dl className="facts">
            <div>
              <dt>Dataset</dt>
              <dd>{result.dataset}</dd>
            </div>
            <div>
              <dt>Format</dt>
              <dd>{result.format}</dd>
            </div>
            <div>
              <dt>Rows read</dt>
              <dd>{formatInt(result.rowsRead)}</dd>
            </div>
            <div>
              <dt>Conversations</dt>
              <dd id="imported-conversations">{formatInt(result.conversations)}</dd>
            </div>
            <div>
              <dt>Bad rows</dt>
              <dd id="bad-rows">{formatInt(result.badRows)}</dd>
            </div>
          </dl>
          {result.badRowSamples.length > 0 && (
            <>
              <p>
                {result.badRows > result.badRowSamples.length ? `The first ${result.badRowSamples.length} bad rows:` : 'Bad rows (skipped):'}
              </p>
              <ul className="problems" id="bad-row-list">
                {result.badRowSamples.map((b) => (
                  <li key={b.line}>
                    <code>
                      {result.file}:{b.line}
                    </code>{' '}
                    {b.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
