/**
 * Inside the renderer, review extends the editor by overriding its methods (editor/slate-types.ts,
 * review/with-review.ts); the editor never reaches into review. ESLint enforces it
 * (eslint.config.js): these cases prove that an editor file importing renderer/src/review fails
 * lint from any depth, that the renderer's own bans still hold there, and that the allowed
 * directions pass (the editor may use the pure algebra in shared/review; review and the document
 * screen may use the editor).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('editor/ does not import review/', () => {
  const refused: [string, string][] = [
    ['renderer/src/editor/bad.ts', "import { withSuggestions } from '../review/with-suggestions';\nexport const x = withSuggestions;"],
    ['renderer/src/editor/bad.ts', "import * as review from '../review';\nexport const x = review;"],
    ['renderer/src/editor/photos/bad.ts', "import { suggestingStructure } from '../../review/structure-suggestions';\nexport const x = suggestingStructure;"],
    ['renderer/src/editor/elements/bad.tsx', "import { withCommentMarks } from '../../review/comments/CommentMarks';\nexport const x = withCommentMarks;"],
    ['renderer/src/editor/paste/bad.ts', "export { withCommentFreePaste } from '../../review/comments/anchor-ops';"],
  ];

  it.each(refused)('%s: refuses %s', async (file, code) => {
    const errors = await importErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('renderer/src/editor must not import renderer/src/review');
  });

  it('keeps the renderer layer bans in editor files', async () => {
    expect(await importErrors('renderer/src/editor/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;")).not.toEqual([]);
    expect(await importErrors('renderer/src/editor/bad.ts', "import { join } from 'node:path';\nexport const x = join;")).not.toEqual([]);
    expect(await importErrors('renderer/src/editor/bad.ts', "import { handlers } from '../../../electron/backend/handlers';\nexport const x = handlers;")).not.toEqual([]);
  });

  it('allows the algebra in shared/review, and review and the document screen to use the editor', async () => {
    expect(await importErrors('renderer/src/editor/ok.ts', "import { acceptedView } from '../../../shared/review';\nexport const x = acceptedView;")).toEqual([]);
    expect(await importErrors('renderer/src/editor/photos/ok.ts', "import { acceptedBlocks } from '../../../../shared/review/layout';\nexport const x = acceptedBlocks;")).toEqual([]);
    expect(await importErrors('renderer/src/review/ok.ts', "import { startNextTurn } from '../editor/commands';\nexport const x = startNextTurn;")).toEqual([]);
    expect(await importErrors('renderer/src/document/ok.ts', "import { withReview } from '../review/with-review';\nexport const x = withReview;")).toEqual([]);
  });

  it('holds for the editor as it is: no file in renderer/src/editor imports review', async () => {
    const results = await eslint.lintFiles(['renderer/src/editor/**/*.{ts,tsx}']);
    const imports = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}: ${m.message}`));
    expect(imports).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  });
});
