// A conversation as readable turns. Markdown is parsed to data (markdown.ts) and built into React
// elements here, so message text is always text: never HTML, never dangerouslySetInnerHTML.
import { Fragment } from 'react';
import type { ValidationItem } from '../../../src-shared/validation';
import { parseMarkdown, type Inline } from './markdown';

function InlineView({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.kind === 'text' ? (
          <Fragment key={i}>{part.text}</Fragment>
        ) : part.kind === 'code' ? (
          <code key={i}>{part.text}</code>
        ) : (
          <strong key={i}>
            <InlineView parts={part.children} />
          </strong>
        ),
      )}
    </>
  );
}

export function MessageBody({ content }: { content: string }) {
  const blocks = parseMarkdown(content);
  if (blocks.length === 0) return <p className="turn-empty">(empty message)</p>;
  return (
    <>
      {blocks.map((block, i) =>
        block.kind === 'code' ? (
          <pre key={i} className="code-block" data-lang={block.lang}>
            <code>{block.text}</code>
          </pre>
        ) : (
          <p key={i}>
            {block.lines.map((line, j) => (
              <Fragment key={j}>
                {j > 0 && <br />}
                <InlineView parts={line} />
              </Fragment>
            ))}
          </p>
        ),
      )}
    </>
  );
}

export function Conversation({ item }: { item: ValidationItem }) {
  return (
    <section className="conversation" aria-label="Conversation">
      {item.redacted && <p className="note">Parts of this conversation were redacted before sharing.</p>}
      <ol className="turns">
        {item.conversation.map((message, i) => (
          <li key={i} className={`turn turn-${message.role}`}>
            <div className="turn-role">{message.role === 'user' ? 'User' : 'Assistant'}</div>
            <div className="turn-body">
              <MessageBody content={message.content} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
