/**
 * A fresh library (temp-library.ts) for each test of a vitest file, closed after it. Apart from
 * temp-library.ts because the Playwright specs import that one, and vitest hooks belong in vitest files.
 */
import { afterEach, beforeEach } from 'vitest';
import type { HandlerContext } from '../../electron/backend/context';
import { tempLibrary } from './temp-library';

type TempLibrary = Awaited<ReturnType<typeof tempLibrary>>;

/**
 * Registers the hooks; `ctx` is the running test's library and `file` its database file (read them
 * inside a test or a later hook: a file's own `beforeEach` registered after this one sees them).
 */
export function libraryPerTest(): { readonly ctx: HandlerContext; readonly file: string } {
  let lib: TempLibrary | null = null;
  beforeEach(async () => {
    lib = await tempLibrary();
  });
  afterEach(() => {
    lib?.close();
    lib = null;
  });
  const current = (): TempLibrary => {
    if (!lib) throw new Error('the library exists only while a test runs');
    return lib;
  };
  return {
    get ctx() {
      return current().ctx;
    },
    get file() {
      return current().file;
    },
  };
}
