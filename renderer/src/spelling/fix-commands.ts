/**
 * Fixing findings in the editor: one, every occurrence of one word, or every tone mark of the
 * document. Each command is one undo step (`HistoryEditor.withNewBatch`, as find/replace.ts
 * does) and goes through Slate transforms, so bold and italic leaves keep their marks.
 *
 * Replacements are given by offsets in a paragraph's text; they are checked against the text
 * that is there now, so a fix chosen from a menu that is a moment old never lands on other text.
 */
import { Editor, Element, Node, Text, Transforms, type Descendant, type Path, type Range } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { Paragraph } from '../../../shared/model/schema';
import type { WordExemptions } from '../../../shared/vietnamese/exemptions';
import { checkTones } from '../../../shared/vietnamese/tone-check';
import type { HouseStyle } from '../../../shared/vietnamese/tone-placement';
import { wordsOf } from '../../../shared/vietnamese/words';
import { paragraphText, toLeafPoints } from '../find/find-matches';

export interface Replacement {
  /** Path of the paragraph. */
  path: Path;
  start: number;
  end: number;
  /** What must be there now. */
  found: string;
  text: string;
}

/** Every paragraph of the body (intro, closing and the paragraphs of turns), in order. */
export function* paragraphsOf(children: readonly Descendant[], parent: Path = []): Generator<[Paragraph, Path]> {
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (!Element.isElement(node)) continue;
    if (node.type === 'paragraph') yield [node, [...parent, i]];
    else if (node.type === 'turn') yield* paragraphsOf(node.children, [...parent, i]);
  }
}

/** The Slate range of [start, end) in the paragraph at `path`. */
export function paragraphRange(paragraph: Paragraph, path: Path, start: number, end: number): Range {
  const [points] = toLeafPoints(
    paragraph.children.map((l) => l.text.length),
    [{ start, end }],
  );
  return { anchor: { path: [...path, points!.start.leaf], offset: points!.start.offset }, focus: { path: [...path, points!.end.leaf], offset: points!.end.offset } };
}

/**
 * Applies replacements as one undo step; returns how many were made. Those whose text is no longer
 * what they expect are skipped. With `selectLast`, the caret ends after the last one made.
 */
export function applyReplacements(editor: Editor, replacements: readonly Replacement[], selectLast = false): number {
  // Last first: a replacement then never moves the offsets of one before it in the same paragraph.
  const ordered = [...replacements].sort((a, b) => comparePaths(b.path, a.path) || b.start - a.start);
  let made = 0;
  let caret: Range | null = null;
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      for (const r of ordered) {
        if (!Node.has(editor, r.path)) continue;
        const paragraph = Node.get(editor, r.path);
        if (Text.isText(paragraph) || !Element.isElement(paragraph) || paragraph.type !== 'paragraph') continue;
        if (paragraphText(paragraph).slice(r.start, r.end) !== r.found) continue;
        const range = paragraphRange(paragraph, r.path, r.start, r.end);
        Transforms.insertText(editor, r.text, { at: range, select: false });
        made++;
        if (caret === null) {
          // At the end of the new word, in its leaf (after a bold word, typing goes on in bold).
          const { focus } = paragraphRange(Node.get(editor, r.path) as Paragraph, r.path, r.start, r.start + r.text.length);
          caret = { anchor: focus, focus };
        }
      }
    });
    if (selectLast && caret) Transforms.select(editor, caret);
  });
  return made;
}

const comparePaths = (a: Path, b: Path): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};

/** Every whole-word occurrence of `found` in the body, to be written as `text`. */
export function replacementsOfWord(editor: Editor, found: string, text: string): Replacement[] {
  const out: Replacement[] = [];
  for (const [paragraph, path] of paragraphsOf(editor.children)) {
    const content = paragraphText(paragraph);
    if (!content.includes(found)) continue;
    for (const w of wordsOf(content)) if (w.text === found) out.push({ path, start: w.start, end: w.end, found, text });
  }
  return out;
}

/** Every tone mark of the body that is not where the house style puts it (names left alone). */
export function toneReplacements(editor: Editor, style: HouseStyle, exempt: WordExemptions): Replacement[] {
  const out: Replacement[] = [];
  for (const [paragraph, path] of paragraphsOf(editor.children)) {
    for (const f of checkTones(paragraphText(paragraph), style)) {
      if (!exempt.has(f.found)) out.push({ path, start: f.start, end: f.end, found: f.found, text: f.suggestion });
    }
  }
  return out;
}
