/**
 * What the tests read from outside the repository, and what they read instead.
 *
 * Every behaviour is tested on the repository's own fixtures. Two kinds of outside material make
 * the suite stronger where they are present, and are never copied into the repository:
 *
 * - the official IPTC schemas (NITF 3.6, NewsML-G2 2.35, ninjs 3.1/2.2), found in the folder named
 *   by `IPTC_SCHEMAS_DIR`, else in `../shared/schemas` beside the checkout;
 * - the real agency article the product was built around, found in `../shared/seed/`.
 *
 * A unit test that needs one of them is declared with `itNeeds(…)` (tests/helpers/it-needs.ts):
 * where the material is absent, the test is skipped with a note naming what is missing and how to
 * provide it, and the skipped-tests reporter (tests/helpers/skipped-reporter.ts) lists it at the
 * end of the run. This module has no test-runner imports, so the browser tests can use it too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The repository's own agency-style interview: the layout of a real wire-service article. */
export const FIXTURE_INTERVIEW = resolve(REPO_ROOT, 'tests/fixtures/agency-interview.txt');
export const fixtureInterviewText = (): string => readFileSync(FIXTURE_INTERVIEW, 'utf8');

export type Material = 'schemas' | 'seed' | 'libreoffice' | 'speech';

/** A command's file on PATH, or null. */
export function commandPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const file = resolve(dir || '.', command);
    if (dir && existsSync(file)) return file;
  }
  return null;
}

/** LibreOffice's command (`soffice`), when installed: the real client the Word export is opened with. */
export const sofficePath = (): string | null => commandPath('soffice');

/** Whether espeak-ng and sox are installed: they speak and assemble the recordings of real speech (speech.ts). */
export const hasSpeechTools = (): boolean => commandPath('espeak-ng') !== null && commandPath('sox') !== null;

/** The folder holding the IPTC schemas, laid out as IPTC publishes them, or null. */
export function schemasDir(): string | null {
  const candidates = [process.env.IPTC_SCHEMAS_DIR, resolve(REPO_ROOT, '../shared/schemas')];
  for (const dir of candidates) {
    if (dir && existsSync(resolve(dir, 'nitf/nitf-3-6.xsd'))) return resolve(dir);
  }
  return null;
}

/** The real seed article's path, or null. */
export function realSeedPath(): string | null {
  const file = resolve(REPO_ROOT, '../shared/seed/000_70cfa9748694c4ad.txt');
  return existsSync(file) ? file : null;
}

export const realSeedText = (): string => {
  const file = realSeedPath();
  if (file === null) throw new Error(MISSING.seed);
  return readFileSync(file, 'utf8');
};

/** One line each: what is missing and how to provide it (the README's "Testing" section says more). */
export const MISSING: Record<Material, string> = {
  schemas:
    'needs the official IPTC schemas: set IPTC_SCHEMAS_DIR to a folder with nitf/, newsml-g2/ and ninjs/ as IPTC publishes them (see the README, "Testing"), or place them at ../shared/schemas',
  libreoffice: 'needs LibreOffice (`soffice` on PATH): apt-get install libreoffice-writer-nogui, as .ci/run does',
  speech: 'needs espeak-ng and sox on PATH to make recordings of real speech: apt-get install espeak-ng sox, as .ci/run does',
  seed: 'needs the real agency seed article at ../shared/seed/000_70cfa9748694c4ad.txt (beside the checkout on the build machines only)',
};

export const has = (material: Material): boolean =>
  ({ schemas: () => schemasDir() !== null, libreoffice: () => sofficePath() !== null, speech: hasSpeechTools, seed: () => realSeedPath() !== null })[material]();
