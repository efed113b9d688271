#!/usr/bin/env node
// `npx interview-desk …` and `npm run cli -- …`: the command-line tool. It runs the bundle
// dist/cli/index.mjs (scripts/build-cli.mjs, part of `npm run build`) with plain Node, which starts
// at once, whenever that bundle is current:
// - an installed package has the bundle and none of the sources: the bundle runs;
// - a checkout runs the bundle only while no file it was built from (dist/cli/inputs.json, about
//   160 of them: one stat each, ~10 ms measured on a 2-core machine at load average 8) was changed
//   since the build started, or is gone. Otherwise, or with no bundle, electron/cli/run.ts runs
//   through tsx's loader (a dev dependency, ~0.4 s more): a checkout never runs stale code, and
//   needs no build step.
// INTERVIEW_DESK_CLI=sources always runs the sources (to compare the two).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/cli/index.mjs`;

function bundleIsCurrent() {
  if (process.env.INTERVIEW_DESK_CLI === 'sources' || !existsSync(bundle)) return false;
  if (!existsSync(`${root}electron/cli/run.ts`)) return true;
  try {
    const { startedAt, files } = JSON.parse(readFileSync(`${root}dist/cli/inputs.json`, 'utf8'));
    return files.every((file) => statSync(root + file, { throwIfNoEntry: false })?.mtimeMs < startedAt);
  } catch {
    return false;
  }
}

const { main } = bundleIsCurrent()
  ? await import(new URL('../dist/cli/index.mjs', import.meta.url).href)
  : await import('tsx/esm/api').then(({ tsImport }) => tsImport('../electron/cli/run.ts', import.meta.url));
process.exitCode = await main(process.argv.slice(2));
