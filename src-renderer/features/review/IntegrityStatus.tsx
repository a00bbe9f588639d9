// Whether the open bundle's numbers are what its author's Task Atlas wrote, shown above everything
// else on the Review page. A signature proves only "written by the holder of this key": the reviewer
// compares the fingerprint with the one the author published (`task-atlas export --review` prints it).
import { integrityText, type BundleIntegrity } from '../../../src-shared/review-integrity';
import type { ReviewBundle } from './schema';

const MODIFIED_DETAIL = {
  checksum: 'Its results do not match its checksum.',
  signature:
    'Its contents no longer match the signature they carry: something was changed after the bundle was written, and its checksum recomputed to hide it.',
  fingerprint: 'The key fingerprint it states is not the fingerprint of the key that signed it.',
} as const;

function signerOf(bundle: ReviewBundle): string | undefined {
  return 'signature' in bundle ? bundle.signature.fingerprint : undefined;
}

export function IntegrityStatus({ bundle, integrity }: { bundle: ReviewBundle; integrity: BundleIntegrity | undefined }) {
  if (!integrity) {
    return (
      <p className="review-integrity checking" role="status">
        Checking the bundle’s signature…
      </p>
    );
  }
  const headline = <strong className="review-integrity-headline">{integrityText(integrity)}</strong>;
  switch (integrity.status) {
    case 'signed':
      return (
        <div className="review-integrity signed" role="status" data-integrity="signed">
          <p>
            <strong className="review-integrity-headline">
              Signed by <code className="review-fingerprint">{integrity.fingerprint}</code>
            </strong>
          </p>
          <p>
            The numbers are exactly as that key’s Task Atlas wrote them. Compare the fingerprint with the one the author
            published: anyone can sign a bundle with a key of their own.
          </p>
        </div>
      );
    case 'unsigned':
      return (
        <div className="review-integrity unsigned" role="status" data-integrity="unsigned">
          <p>{headline}</p>
          <p>
            This bundle (format version {bundle.version}) was written before Task Atlas signed bundles. Its checksum only
            catches accidental damage: anyone can edit its numbers and recompute it.
          </p>
        </div>
      );
    case 'modified': {
      const signer = signerOf(bundle);
      return (
        <div className="review-integrity modified" role="alert" data-integrity="modified">
          <p>{headline}</p>
          <p>
            {MODIFIED_DETAIL[integrity.reason]}
            {signer && (
              <>
                {' '}
                It claims to be signed by <code>{signer}</code>.
              </>
            )}{' '}
            Do not rely on these figures; ask the author for the original bundle.
          </p>
        </div>
      );
    }
  }
}
