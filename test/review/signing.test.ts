// Signed review bundles (issue #13, item 6): a bundle the engine builds verifies as signed by this
// installation's key; numbers edited with the checksum recomputed (the forgery a plain sha256
// cannot catch) show as modified; version-2 bundles read as unsigned; the key lives in a 0600 file
// (CLI, serve) or comes from the desktop's keychain, also into the worker that builds project
// bundles; and ids like "__proto__" are refused.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, type Project } from '../../src-main/engine/project';
import { createService } from '../../src-main/engine/service';
import { buildReviewBundle } from '../../src-main/engine/review/bundle';
import { reviewBundleSchema, type ReviewBundle } from '../../src-main/engine/review/schema';
import { readReviewBundle, sealBundle, verifyReviewBundle } from '../../src-main/engine/review/sign';
import {
  configureSigningKey,
  generateSigningKey,
  installationSigningKey,
  loadOrCreateSigningKeyFile,
  signingKeyPem,
} from '../../src-main/engine/settings/signing-key';
import { sha256 } from '../../src-main/engine/base/hash';
import { checksumText } from '../../src-shared/review-integrity';
import { ImportError } from '../../src-main/engine/base/import-error';
import { sourceProject } from './support';

let tmp: string;
let source: Project | undefined;
let bundle: ReviewBundle;
const previousKeyFile = process.env.TASK_ATLAS_SIGNING_KEY_FILE;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'task-atlas-signing-'));
  process.env.TASK_ATLAS_SIGNING_KEY_FILE = path.join(tmp, 'keys', 'signing-key.pem');
  configureSigningKey({ configDir: null });
  source = sourceProject(path.join(tmp, 'source.sqlite'));
  bundle = buildReviewBundle(source.db, { sources: ['aei-2025-02-10'], runs: ['r'], appVersion: 'test' });
});

afterAll(() => {
  configureSigningKey({ configDir: null });
  if (previousKeyFile === undefined) delete process.env.TASK_ATLAS_SIGNING_KEY_FILE;
  else process.env.TASK_ATLAS_SIGNING_KEY_FILE = previousKeyFile;
  if (source) closeProject(source);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const text = (value: unknown) => JSON.stringify(value, null, 2);

/** The bundle with one run number changed and its checksum recomputed, as the forger did. */
function forged(): Record<string, unknown> {
  const copy = structuredClone(bundle) as ReviewBundle & Record<string, unknown>;
  const skill = copy.runs.r!.skills[0]!;
  skill.pct += skill.pct >= 50 ? -10 : 10;
  copy.checksum = sha256(checksumText(copy));
  return copy;
}

describe('signed review bundles', () => {
  it('signs with the installation key, kept in a file only its owner can read', async () => {
    const key = installationSigningKey();
    expect('signature' in bundle && bundle.signature).toMatchObject({ algorithm: 'ed25519', fingerprint: key.fingerprint, publicKey: key.publicKey });
    expect(key.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    const file = process.env.TASK_ATLAS_SIGNING_KEY_FILE!;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSigningKeyFile(file).fingerprint).toBe(key.fingerprint); // read back, not replaced
    await expect(verifyReviewBundle(text(bundle))).resolves.toMatchObject({ integrity: { status: 'signed', fingerprint: key.fingerprint } });
  });

  it('still verifies after a round trip through the schema (review mode hands out the parsed bundle)', async () => {
    const reparsed = reviewBundleSchema.parse(JSON.parse(text(bundle)));
    expect(Object.keys(reparsed)).not.toEqual(Object.keys(bundle)); // the schema orders keys its own way
    await expect(verifyReviewBundle(text(reparsed))).resolves.toMatchObject({ integrity: { status: 'signed' } });
  });

  it('shows numbers edited after signing as modified, even with the checksum recomputed', async () => {
    await expect(verifyReviewBundle(text(forged()))).resolves.toMatchObject({ integrity: { status: 'modified', reason: 'signature' } });
    // Edits outside the numbers are covered too (version 3 signs everything but checksum and signature).
    const retitled = { ...structuredClone(bundle), title: 'Another project' };
    retitled.checksum = sha256(checksumText(retitled));
    await expect(verifyReviewBundle(text(retitled))).resolves.toMatchObject({ integrity: { status: 'modified', reason: 'signature' } });
  });

  it('tells a damaged checksum and a false fingerprint apart', async () => {
    const damaged = structuredClone(bundle);
    damaged.runs.r!.skills[0]!.pct = damaged.runs.r!.skills[0]!.pct / 2;
    await expect(verifyReviewBundle(text(damaged))).resolves.toMatchObject({ integrity: { status: 'modified', reason: 'checksum' } });
    const claimed = structuredClone(bundle) as ReviewBundle & { signature: { fingerprint: string } };
    claimed.signature.fingerprint = '0000 0000 0000 0000';
    await expect(verifyReviewBundle(text(claimed))).resolves.toMatchObject({ integrity: { status: 'modified', reason: 'fingerprint' } });
  });

  it('a forger re-signing with their own key gets a different fingerprint', async () => {
    const copy = forged();
    const { checksum, signature, ...content } = copy;
    void checksum;
    void signature;
    const theirs = generateSigningKey();
    const resigned = { ...content, ...sealBundle(content as { version: number }, theirs) };
    const { integrity } = await verifyReviewBundle(text(resigned));
    expect(integrity).toEqual({ status: 'signed', fingerprint: theirs.fingerprint });
    expect(theirs.fingerprint).not.toBe(installationSigningKey().fingerprint);
  });

  it('reads a version-2 bundle as unsigned', async () => {
    const { signature, checksum, ...rest } = structuredClone(bundle) as ReviewBundle & { signature: unknown };
    void signature;
    void checksum;
    const v2 = { ...rest, version: 2 };
    const file = path.join(tmp, 'v2.taskatlas-review.json');
    writeFileSync(file, text({ ...v2, checksum: sha256(checksumText(v2)) }));
    await expect(readReviewBundle(file)).resolves.toMatchObject({ integrity: { status: 'unsigned' }, bundle: { version: 2 } });
  });

  it('signs project bundles built in a task worker with the key the desktop handed over', async () => {
    const desktop = generateSigningKey();
    configureSigningKey({ pem: signingKeyPem(desktop), configDir: null });
    try {
      const built = await createService(source!)['review.bundle']({}, { transport: 'http' });
      expect('signature' in built && built.signature.fingerprint).toBe(desktop.fingerprint);
      await expect(verifyReviewBundle(text(built))).resolves.toMatchObject({ integrity: { status: 'signed', fingerprint: desktop.fingerprint } });
    } finally {
      configureSigningKey({ configDir: null });
    }
  });
});

describe('ids a bundle may not use', () => {
  for (const id of ['__proto__', 'constructor', 'prototype']) {
    it(`refuses the source id "${id}" with a clear error`, async () => {
      const source0 = bundle.sources[0]!;
      const json = text(bundle).replaceAll(`"${source0.id}"`, `"${id}"`);
      expect(json).toContain(`"${id}": {`); // the reports are keyed by it now
      const refusal = verifyReviewBundle(json, 'evil.taskatlas-review.json');
      await expect(refusal).rejects.toThrow(ImportError);
      await expect(refusal).rejects.toThrow(`evil.taskatlas-review.json: not a usable review bundle: `);
      await expect(refusal).rejects.toThrow(`"${id}" cannot be used as an id`);
    });
  }

  it('refuses a run named "__proto__"', async () => {
    const json = text(bundle).replaceAll('"r"', '"__proto__"');
    await expect(verifyReviewBundle(json)).rejects.toThrow('"__proto__" cannot be used as an id');
  });
});

it('keeps the key file byte-identical across loads', () => {
  const file = process.env.TASK_ATLAS_SIGNING_KEY_FILE!;
  const before = readFileSync(file, 'utf8');
  installationSigningKey();
  expect(readFileSync(file, 'utf8')).toBe(before);
});
