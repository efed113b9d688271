import fc from 'fast-check';
import { createEditor, Element, Node, Transforms, type Descendant, type Editor, type Path } from 'slate';
import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../../shared/model/schema';
import { newPhoto, photoMoveTarget } from '../../../../renderer/src/editor/photos/photo-commands';
import { keepsShape, shapeSelector } from '../../../../renderer/src/editor/shape-selector';
import '../../../../renderer/src/editor/slate-types';

const p = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const photo = (): Photo => newPhoto('a'.repeat(64));

/** What a photo's move buttons show, for every photo: the question the photo element asks. */
function movability(editor: Editor): string {
  const out: string[] = [];
  for (const [node, path] of Node.nodes(editor)) {
    if (Element.isElement(node) && node.type === 'photo') out.push(`${path.join('.')}:${photoMoveTarget(editor, path, 'up') ? 'up' : ''}/${photoMoveTarget(editor, path, 'down') ? 'down' : ''}`);
  }
  return out.join(' ');
}

/** A user action, drawn as numbers and read against the current tree. */
type Action = { kind: number; a: number; b: number };
const action: fc.Arbitrary<Action> = fc.record({ kind: fc.nat(7), a: fc.nat(1000), b: fc.nat(1000) });

function textPaths(editor: Editor): Path[] {
  return [...Node.texts(editor)].map(([, path]) => path);
}

function apply(editor: Editor, { kind, a, b }: Action): void {
  const texts = textPaths(editor);
  const at = texts[a % texts.length]!;
  const length = Node.string(Node.get(editor, at)).length;
  const point = { path: at, offset: b % (length + 1) };
  switch (kind) {
    case 0:
      return Transforms.insertText(editor, 'ươ', { at: point });
    case 1:
      return length > 0 ? Transforms.delete(editor, { at: { path: at, offset: 0 }, distance: 1 + (b % length) }) : undefined;
    case 2:
      return Transforms.select(editor, point);
    case 3:
      return Transforms.splitNodes(editor, { at: point });
    case 4: {
      // Two neighbouring blocks of the same type merge (a paragraph into a paragraph, a turn into a turn).
      const top = at[0]!;
      const [before, block] = [editor.children[top - 1], editor.children[top]] as Element[];
      return top > 0 && before!.type === block!.type && block!.type !== 'photo' ? Transforms.mergeNodes(editor, { at: [top] }) : undefined;
    }
    case 5:
      return Transforms.insertNodes(editor, photo(), { at: [a % (editor.children.length + 1)] });
    case 6:
      return editor.children.length > 1 ? Transforms.removeNodes(editor, { at: [a % editor.children.length] }) : undefined;
    default: {
      const from = a % editor.children.length;
      const to = b % editor.children.length;
      return from !== to ? Transforms.moveNodes(editor, { at: [from], to: [to] }) : undefined;
    }
  }
}

describe('selectors over the tree shape', () => {
  it('answer as a fresh computation after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), (actions) => {
        const editor = createEditor();
        editor.children = [p('Chào ông'), { type: 'turn', speakerId: 'p1', children: [p('Vâng'), photo(), p('ạ')] }, photo(), p('Hết')] as Descendant[];
        const select = shapeSelector(movability);
        for (const a of actions) {
          apply(editor, a);
          expect(select(editor)).toBe(movability(editor));
          // Slate empties the list once the change is announced; a render in between asks again.
          editor.operations = [];
          expect(select(editor)).toBe(movability(editor));
        }
      }),
      { seed: 20261208, numRuns: 300 },
    );
  });

  it('keep the last answer after typing and caret moves only', () => {
    const editor = createEditor();
    editor.children = [p('Chào'), photo(), p('ông')] as Descendant[];
    let computed = 0;
    const select = shapeSelector(() => ++computed);
    expect(select(editor)).toBe(1);
    Transforms.insertText(editor, 'x', { at: { path: [0, 0], offset: 4 } });
    Transforms.select(editor, { path: [2, 0], offset: 1 });
    expect(keepsShape(editor.operations)).toBe(true);
    expect(select(editor)).toBe(1);
    Transforms.splitNodes(editor, { at: { path: [2, 0], offset: 1 } });
    expect(keepsShape(editor.operations)).toBe(false);
    expect(select(editor)).toBe(2);
  });
});
