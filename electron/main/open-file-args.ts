/**
 * Which `.interview` files a command line asks the app to open. The OS passes them as arguments
 * when the user double-clicks one (Windows, Linux) and a second launch forwards its arguments to
 * the running app (`second-instance`). The same command line also holds the executable, in an
 * unpackaged run the app folder (`electron .`), and switches that Chromium and Electron add
 * (`--allow-file-access-from-files`, `--original-process-start-time=…`); all are skipped.
 */
import nodePath, { type PlatformPath } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXCHANGE_EXTENSION = '.interview';

export interface ArgvOptions {
  /** How many leading arguments are the program itself: 1 packaged, 2 for `electron <app>`. */
  programArgs: number;
  /** The folder relative paths are relative to (the second instance's working directory). */
  cwd: string;
  /** Path rules; this platform's by default (tests pass `win32` to check Windows paths on Linux). */
  path?: PlatformPath;
}

/** Absolute paths of the `.interview` files named on the command line, in order, without repeats. */
export function interviewFilesInArgv(argv: readonly string[], { programArgs, cwd, path = nodePath }: ArgvOptions): string[] {
  const found: string[] = [];
  for (const arg of argv.slice(programArgs)) {
    // Switches, including `--` and `-psn_0_…` (old macOS Finder launches).
    if (arg.startsWith('-')) continue;
    const file = toPath(arg);
    if (file === null || !file.toLowerCase().endsWith(EXCHANGE_EXTENSION) || path.basename(file).length <= EXCHANGE_EXTENSION.length) continue;
    const absolute = path.resolve(cwd, file);
    if (!found.includes(absolute)) found.push(absolute);
  }
  return found;
}

/**
 * The path an argument names: Linux desktop entries may pass `file://` URLs (`%U`); any other URL
 * (a scheme of two letters or more, so `C:\x` stays a path) names no file here.
 */
function toPath(arg: string): string | null {
  if (arg.startsWith('file:')) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null; // file://other-host/… is not a local file
    }
  }
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(arg) ? null : arg;
}
