/**
 * The layer rule (each folder imports only the layers to its left; docs/ARCHITECTURE.md, "Layers")
 * is enforced by ESLint. These cases prove that a deliberate bad
 * import in each layer fails lint, and that the allowed direction passes.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer lint rule', () => {
  const cases: [string, string][] = [
    ['shared/model/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['shared/model/bad.ts', "import fs from 'fs';\nexport const x = fs;"],
    ['shared/model/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['shared/model/bad.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['shared/model/bad.ts', "import { dispatch } from '../../electron/backend/dispatch';\nexport const x = dispatch;"],
    ['renderer/src/bad.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
    ['renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/src/bad.ts', "import { join } from 'node:path';\nexport const x = join;"],
    ['renderer/src/bad.ts', "import { handlers } from '../../electron/backend/handlers';\nexport const x = handlers;"],
    ['electron/backend/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/webhost/bad.ts', "import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;"],
    ['electron/cli/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/cli/bad.ts', "import { api } from '../../renderer/src/api';\nexport const x = api;"],
    ['electron/backend/bad.ts', "import { isAppUrl } from '../main/policy';\nexport const x = isAppUrl;"],
    ['electron/main/bad.ts', "import { api } from '../../renderer/src/api';\nexport const x = api;"],
    ['electron/backend-process/bad.ts', "import { utilityProcess } from 'electron';\nexport const x = utilityProcess;"],
    ['electron/backend-process/bad.ts', "import { isAppUrl } from '../main/policy';\nexport const x = isAppUrl;"],
  ];

  it.each(cases)('%s: refuses %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it('allows the permitted directions', async () => {
    expect(await importErrors('renderer/src/ok.ts', "import { CHANNELS } from '../../shared/api/channels';\nexport const x = CHANNELS;")).toEqual([]);
    expect(await importErrors('electron/backend/ok.ts', "import { readFileSync } from 'node:fs';\nimport { CHANNELS } from '../../shared/api/channels';\nexport const x = [readFileSync, CHANNELS];")).toEqual([]);
    expect(await importErrors('electron/cli/ok.ts', "import { readFileSync } from 'node:fs';\nimport { dispatch } from '../backend/dispatch';\nexport const x = [readFileSync, dispatch];")).toEqual([]);
    expect(await importErrors('electron/main/ok.ts', "import { app } from 'electron';\nimport { dispatch } from '../backend/dispatch';\nexport const x = [app, dispatch];")).toEqual([]);
    expect(await importErrors('electron/backend-process/ok.ts', "import { EventEmitter } from 'node:events';\nimport { dispatch } from '../backend/dispatch';\nexport const x = [EventEmitter, dispatch];")).toEqual([]);
    expect(await importErrors('electron/main/ok.ts', "import { isBackendMessage } from '../backend-process/protocol';\nexport const x = isBackendMessage;")).toEqual([]);
  });
});
