// What an import would read: the detected format and the first conversations, each with its line
// number, or the reason it would be rejected.
import type { ConversationPreview } from '../../../src-shared/api';
import { formatBytes } from '../../components/format';

export function PreviewView({ preview }: { preview: ConversationPreview }) {
  const rejected = preview.samples.filter((s) => s.error);
  return (
    <section className="preview" aria-labelledby="conv-preview-title" id="conversation-preview">
      <h4 id="conv-preview-title">
        Preview of <code>{preview.file}</code> ({formatBytes(preview.sizeBytes)})
      </h4>
      <p>
        Format: <strong id="detected-format">{preview.format}</strong>
      </p>
      {rejected.length > 0 && (
        <>
          <p>{rejected.length} of the first rows would be rejected:</p>
          <ul className="problems" aria-label="Rows that would be rejected">
            {rejected.map((s) => (
              <li key={s.line}>
                <code>
                  {preview.file}:{s.line}
                </code>{' '}
                {s.error}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="table-wrap">
        <table className="data-table list-table preview-table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Messages</th>
              <th scope="col">First user message</th>
              <th scope="col">Account</th>
              <th scope="col">Model</th>
            </tr>
          </thead>
          <tbody>
            {preview.samples
              .filter((s) => !s.error)
              .map((s) => (
                <tr key={s.line}>
                  <td>{s.line}</td>
                  <td>{s.messages ?? '—'}</td>
                  <td className="text-cell">{s.firstUserText ?? ''}</td>
                  <td>{s.account ?? '—'}</td>
                  <td>{s.model ?? '—'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
