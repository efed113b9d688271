/**
 * Empty temporary folders (temp-library.ts `tempDir`) for the tests of a vitest file, each removed
 * after the test that made it. Apart from temp-library.ts because vitest hooks belong in vitest files.
 */
import { afterEach } from 'vitest';
import { tempDir } from './temp-library';

/** Registers the hook; the function it returns makes a new folder for the running test. */
export function dirsPerTest(prefix?: string): () => string {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));
  return () => {
    const t = tempDir(prefix);
    cleanups.push(t.cleanup);
    return t.dir;
  };
}
