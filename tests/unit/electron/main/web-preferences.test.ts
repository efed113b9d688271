/**
 * The main window's web preferences, read from the shell's source with the TypeScript parser (the
 * Electron binary cannot run on the build machines): the renderer is isolated and sandboxed, and
 * Chromium's spellchecker is off, so it never downloads dictionaries.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SOURCE = new URL('../../../../electron/main/window.ts', import.meta.url);

/** The `webPreferences` object literals in a file, as property name → source text of the value. */
function webPreferences(path: URL): Array<Record<string, string>> {
  const file = ts.createSourceFile('window.ts', readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Array<Record<string, string>> = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText(file) === 'webPreferences') {
      if (!ts.isObjectLiteralExpression(node.initializer)) throw new Error('webPreferences must be an object literal, so it can be checked');
      const props: Record<string, string> = {};
      for (const p of node.initializer.properties) {
        if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) throw new Error(`webPreferences holds a spread or method: ${p.getText(file)}`);
        props[p.name.getText(file)] = ts.isPropertyAssignment(p) ? p.initializer.getText(file) : p.name.getText(file);
      }
      found.push(props);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the main window’s web preferences', () => {
  const all = webPreferences(SOURCE);

  it('are set in one place', () => {
    expect(all).toHaveLength(1);
  });

  it('isolate and sandbox the renderer', () => {
    expect(all[0]).toMatchObject({ sandbox: 'true', contextIsolation: 'true', nodeIntegration: 'false', webSecurity: 'true', allowRunningInsecureContent: 'false' });
  });

  it('turn Chromium’s spellchecker off, so it never downloads dictionaries', () => {
    expect(all[0]!.spellcheck).toBe('false');
  });

  it('enable nothing else: no webview, no Node in workers or subframes, no experimental features', () => {
    for (const key of ['webviewTag', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'experimentalFeatures', 'enableBlinkFeatures']) expect(all[0]![key], key).toBeUndefined();
  });
});
