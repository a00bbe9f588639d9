// Opening a review bundle (issue #13, item 7): a key given twice is refused with its line, and a
// number the method cannot produce (a share of -5, a count of 1e308) is refused even when the
// forger recomputed the checksum, since that checksum is a plain sha256 anyone can redo.
import { describe, expect, it } from 'vitest';
import { parseReviewBundle, ReviewBundleError } from '../../src-renderer/features/review/session';
import { checksumText, REVIEW_FORMAT, type ReviewBundle } from '../../src-shared/review-bundle';
import { makeReport } from './fixture';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A version-2 bundle of the fixture report, `edit` applied, with a matching checksum. */
async function bundleText(edit: (b: ReviewBundle) => void = () => {}): Promise<string> {
  const report = makeReport();
  const bundle = {
    format: REVIEW_FORMAT,
    version: 2,
    title: 'Review',
    createdAt: '2026-01-01T00:00:00.000Z',
    appVersion: '0.0.0',
    sources: [report.source],
    reports: { [report.source.id]: report },
    runs: {},
    runInfo: {},
    provenance: { dataFiles: [] },
    checksum: '',
  } as ReviewBundle;
  edit(bundle);
  bundle.checksum = await sha256Hex(checksumText(bundle));
  return JSON.stringify(bundle, null, 2);
}

describe('opening a review bundle', () => {
  it('opens the genuine bundle (version 2: unsigned)', async () => {
    await expect(parseReviewBundle(await bundleText())).resolves.toMatchObject({ bundle: { title: 'Review' }, integrity: { status: 'unsigned' } });
  });

  it('refuses a key given twice, naming its line and column', async () => {
    // Line 4 is "title"; the forged value comes first, the genuine one second.
    const doubled = (await bundleText()).replace('  "title": ', '  "title": "Forged",\n  "title": ');
    await expect(parseReviewBundle(doubled)).rejects.toThrow(ReviewBundleError);
    await expect(parseReviewBundle(doubled)).rejects.toThrow(/line 5, column 3: duplicate key "title" \(first on line 4\)/);
  });

  it.each([
    ['a negative share', (b: ReviewBundle) => void (b.reports['release-test']!.topTasks[0]!.usagePct = -5)],
    ['a share of 1e308', (b: ReviewBundle) => void (b.reports['release-test']!.categories[0]!.usagePct = 1e308)],
    ['a count of 1e308', (b: ReviewBundle) => void (b.reports['release-test']!.depth.occupations = 1e308)],
  ])('refuses %s even with a recomputed checksum', async (_name, edit) => {
    await expect(parseReviewBundle(await bundleText(edit))).rejects.toThrow(/damaged or incomplete/);
  });
});
