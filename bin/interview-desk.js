#!/usr/bin/env node
// `npx interview-desk …` and `npm run cli -- …`: the command-line tool, electron/cli/run.ts, run
// through tsx's loader, so a checkout needs no build step (tsx comes with `npm ci`).
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../electron/cli/run.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
