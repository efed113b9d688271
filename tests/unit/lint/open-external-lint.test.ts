/**
 * Links leave the app only through electron/main/external-links.ts: ESLint refuses any other
 * call of openExternal, however it is reached.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function openExternalErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-properties').map((m) => m.message);
}

describe('openExternal lint rule', () => {
  it.each([
    ["import { shell } from 'electron';\nexport const open = (u: string) => shell.openExternal(u);"],
    ["import electron from 'electron';\nexport const open = (u: string) => electron.shell.openExternal(u);"],
    ["import { shell } from 'electron';\nconst { openExternal } = shell;\nexport const open = (u: string) => openExternal(u);"],
    ["import { shell } from 'electron';\nexport const open = (u: string) => shell['openExternal'](u);"],
  ])('refuses a direct call: %s', async (code) => {
    expect(await openExternalErrors('electron/main/bad.ts', code)).not.toEqual([]);
  });

  it('allows the wrapper itself, and code that calls the wrapper', async () => {
    expect(await openExternalErrors('electron/main/external-links.ts', "import { shell } from 'electron';\nexport const open = (u: string) => shell.openExternal(u);")).toEqual([]);
    expect(await openExternalErrors('electron/main/ok.ts', "import { openExternalLink } from './external-links';\nexport const open = (u: string) => openExternalLink(u);")).toEqual([]);
  });
});
