/**
 * The editor side of the checks (renderer/src/spelling/), on a plain Slate editor with the
 * worker's service run in-process: what is sent to the checker, the underlines, the menu and the
 * fixes, composition, and the cost on a long interview.
 */
import { createEditor, Editor, Transforms, type Descendant, type NodeEntry } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../shared/model/schema';
import { WordExemptions } from '../../../../shared/vietnamese/exemptions';
import type { Decoration } from '../../../../renderer/src/editor/decorations';
import { paragraphsOf } from '../../../../renderer/src/spelling/fix-commands';
import type { SpellChecker } from '../../../../renderer/src/spelling/protocol';
import { BATCH_SIZE, SpellingController } from '../../../../renderer/src/spelling/spelling-controller';
import { SpellingService } from '../../../../renderer/src/spelling/spelling-service';
import { englishSpeller, vietnameseWords } from '../../../helpers/vietnamese-dictionaries';

const p = (...leaves: (string | { text: string; bold?: true })[]): Block => ({ type: 'paragraph', children: leaves.map((l) => (typeof l === 'string' ? { text: l } : l)) }) as Block;
const turn = (speakerId: string, ...children: Block[]): Block => ({ type: 'turn', speakerId, children }) as Block;

function setup(body: Block[], language: 'vi' | 'en' = 'vi') {
  const editor = withHistory(createEditor());
  editor.children = body as Descendant[];
  const service = new SpellingService({ vietnamese: async () => vietnameseWords(), english: async () => englishSpeller() });
  const sent: string[][] = [];
  const checker: SpellChecker = {
    check: (settings, texts) => {
      sent.push(texts);
      return service.check(settings, texts);
    },
    suggest: (settings, word) => service.suggest(settings, word),
    dispose: () => undefined,
  };
  let composing = false;
  const added: string[] = [];
  const controller = new SpellingController(editor, { delayMs: 0, isComposing: () => composing, addWord: (w) => added.push(w) });
  controller.attach(checker);
  controller.configure({ language, style: 'traditional' });
  const underlines = () => {
    const decorate = controller.getDecorator();
    const out: string[] = [];
    for (const [node, path] of paragraphsOf(editor.children)) {
      for (const d of decorate([node, path] as NodeEntry)) out.push(`${path.join('.')}:${Editor.string(editor, d)}:${kindOf(d)}`);
    }
    return out;
  };
  return { editor, controller, sent, underlines, added, compose: (on: boolean) => (composing = on) };
}

const kindOf = (d: Decoration) => (d.toneError ? 'tone' : d.spellingError ? 'spelling' : '?');
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SpellingController', () => {
  it('checks every paragraph once, and underlines what the checks find', async () => {
    const { controller, sent, underlines } = setup([p('Mở đầu, hoà bình.'), turn('p1', p('Thưa ông?')), turn('p2', p('Tập trung lãnh đaọ.'), p('Nghành thủy sản.'))]);
    await controller.settle();
    expect(sent).toEqual([['Mở đầu, hoà bình.', 'Thưa ông?', 'Tập trung lãnh đaọ.', 'Nghành thủy sản.']]);
    expect(underlines()).toEqual(['0:hoà:tone', '2.0:đaọ:tone', '2.1:Nghành:spelling']);
  });

  it('checks a paragraph as it will read: struck words are left out, not joined to the words beside them', async () => {
    // Suggesting: `lập` struck and `xây` inserted in its place, stored side by side; `đaọ` struck.
    const struck = (text: string) => ({ text, del: 's1' });
    const { controller, sent, underlines } = setup([
      { type: 'paragraph', children: [{ text: 'Chúng tôi chủ động ' }, struck('lập'), { text: 'xây', ins: 's1' }, { text: ' kế hoạch, lãnh ' }, struck('đaọ '), { text: 'hoà bình.' }] } as Block,
    ]);
    await controller.settle();
    expect(sent).toEqual([['Chúng tôi chủ động xây kế hoạch, lãnh hoà bình.']]);
    // The underline is on the paragraph's own `hoà`, past both struck runs.
    expect(underlines()).toEqual(['0:hoà:tone']);
  });

  it('after an edit, sends only the paragraph that changed', async () => {
    const { editor, controller, sent, underlines } = setup([p('Một.'), p('Hai.'), p('Ba.')]);
    await controller.settle();
    Transforms.insertText(editor, ' Lãnh đaọ', { at: { path: [1, 0], offset: 4 } });
    controller.documentChanged();
    await controller.settle();
    expect(sent).toEqual([['Một.', 'Hai.', 'Ba.'], ['Hai. Lãnh đaọ']]);
    expect(underlines()).toEqual(['1:đaọ:tone']);
    // Undo brings back a text already checked: nothing is sent.
    editor.undo();
    controller.documentChanged();
    await controller.settle();
    expect(sent).toHaveLength(2);
    expect(underlines()).toEqual([]);
  });

  it('keeps the underlines of untouched words through an edit, until the paragraph is checked again', async () => {
    const { editor, controller, underlines } = setup([p('Lãnh đaọ và hoà bình.')]);
    await controller.settle();
    expect(underlines()).toEqual(['0:đaọ:tone', '0:hoà:tone']); // rendered once, as Slate does
    Transforms.insertText(editor, 'Ban ', { at: { path: [0, 0], offset: 0 } });
    expect(underlines()).toEqual(['0:đaọ:tone', '0:hoà:tone']); // moved with the text, not yet re-checked
    Transforms.insertText(editor, 'x', { at: { path: [0, 0], offset: 13 } }); // "đaọx": that word changed
    expect(underlines()).toEqual(['0:hoà:tone']);
  });

  it('shows nothing new while an input method composes, and catches up when it ends', async () => {
    const { controller, underlines, compose } = setup([p('Tập trung lãnh đaọ.')]);
    compose(true);
    const before = controller.getDecorator();
    await controller.settle();
    expect(controller.getDecorator()).toBe(before);
    expect(underlines()).toEqual([]);
    compose(false);
    controller.compositionEnded();
    await tick();
    expect(controller.getDecorator()).not.toBe(before);
    expect(underlines()).toEqual(['0:đaọ:tone']);
  });

  it('never underlines exempt words (names, the personal dictionary); adding a word goes to the store', async () => {
    const { controller, underlines, added } = setup([p('Bà Thuỷ nói về thuỷ sản và nghành.')]);
    await controller.settle();
    expect(underlines()).toEqual(['0:Thuỷ:tone', '0:thuỷ:tone', '0:nghành:spelling']);
    const before = controller.getDecorator();
    controller.setExemptions(new WordExemptions(['Bà', 'Lê'])); // no word found changes: nothing redrawn
    expect(controller.getDecorator()).toBe(before);
    controller.setExemptions(new WordExemptions(['Thuỷ']));
    expect(underlines()).toEqual(['0:thuỷ:tone', '0:nghành:spelling']);
    controller.openMenu({ path: [0, 0], offset: 29 }, { x: 0, y: 0 });
    controller.addToDictionary();
    expect(added).toEqual(['nghành']);
  });
});

describe('the menu and its fixes', () => {
  it('offers the fix first, makes it as one undo step, keeping bold text bold', async () => {
    const { editor, controller, underlines } = setup([turn('p2', p('Tập trung ', { text: 'lãnh đaọ', bold: true }, ', thực hiện.'))]);
    await controller.settle();
    expect(controller.findingAt({ path: [0, 0, 0], offset: 3 })).toBeNull();
    expect(controller.openMenu({ path: [0, 0, 1], offset: 6 }, { x: 10, y: 20 })).toBe(true);
    expect(controller.getMenu()).toEqual(expect.objectContaining({ at: { x: 10, y: 20 }, suggestions: ['đạo'], path: [0, 0] }));
    controller.choose('đạo');
    expect(controller.getMenu()).toBeNull();
    expect(editor.children).toEqual([turn('p2', p('Tập trung ', { text: 'lãnh đạo', bold: true }, ', thực hiện.'))]);
    expect(editor.selection).toEqual({ anchor: { path: [0, 0, 1], offset: 8 }, focus: { path: [0, 0, 1], offset: 8 } });
    controller.documentChanged();
    await controller.settle();
    expect(underlines()).toEqual([]);
    editor.undo();
    expect(Editor.string(editor, [0, 0])).toBe('Tập trung lãnh đaọ, thực hiện.');
  });

  it('fixes all like this: the same word everywhere, as written', async () => {
    const { editor, controller } = setup([p('Hoà bình và hoà giải.'), turn('p1', p('Lại hoà hợp, thuỷ sản.'))]);
    await controller.settle();
    controller.openMenu({ path: [0, 0], offset: 14 }, { x: 0, y: 0 });
    expect(controller.fixAllLikeThis()).toBe(2);
    expect([Editor.string(editor, [0]), Editor.string(editor, [1, 0])]).toEqual(['Hoà bình và hòa giải.', 'Lại hòa hợp, thuỷ sản.']);
  });

  it('fixes every tone mark of the interview, but not names, as one undo step', async () => {
    const { editor, controller } = setup([p('Hoà bình, lãnh đaọ.'), turn('p1', p('Bà Thuỷ: thuỷ sản, khoẻ mạnh.'))]);
    controller.setExemptions(new WordExemptions(['Thuỷ']));
    await controller.settle();
    controller.openMenu({ path: [0, 0], offset: 1 }, { x: 0, y: 0 });
    expect(controller.fixAllTones()).toBe(4);
    expect([Editor.string(editor, [0]), Editor.string(editor, [1, 0])]).toEqual(['Hòa bình, lãnh đạo.', 'Bà Thuỷ: thủy sản, khỏe mạnh.']);
    editor.undo();
    expect([Editor.string(editor, [0]), Editor.string(editor, [1, 0])]).toEqual(['Hoà bình, lãnh đaọ.', 'Bà Thuỷ: thuỷ sản, khoẻ mạnh.']);
  });

  it('does not write over text that changed since the menu opened', async () => {
    const { editor, controller } = setup([p('Lãnh đaọ.')]);
    await controller.settle();
    controller.openMenu({ path: [0, 0], offset: 6 }, { x: 0, y: 0 });
    Transforms.insertText(editor, 'X', { at: { path: [0, 0], offset: 0 } });
    controller.choose('đạo');
    expect(Editor.string(editor, [0])).toBe('XLãnh đaọ.');
  });

  it('asks for English suggestions when the menu opens', async () => {
    const { controller } = setup([p('We did not recieve it.')], 'en');
    await controller.settle();
    controller.openMenu({ path: [0, 0], offset: 13 }, { x: 0, y: 0 });
    expect(controller.getMenu()!.suggestions).toBeNull();
    await tick();
    await tick();
    expect(controller.getMenu()!.suggestions![0]).toBe('receive');
  });
});

describe('a long interview', () => {
  it('sends 2,000 paragraphs in batches once, then one paragraph per edit; decorating stays a lookup', async () => {
    const body: Block[] = [];
    for (let i = 0; i < 1_000; i++) body.push(turn('p1', p(`Câu hỏi số ${i} về công tác xây dựng Đảng?`)), turn('p2', p(`Trả lời ${i}: tỉnh tập trung lãnh đạo, hoà hợp.`)));
    const { editor, controller, sent, underlines } = setup(body);
    await controller.settle();
    expect(sent).toHaveLength(2_000 / BATCH_SIZE);
    expect(sent.flat()).toHaveLength(2_000);
    expect(underlines()).toHaveLength(1_000);
    // What Slate does when the decorator changes: decorate every paragraph again.
    const entries = [...paragraphsOf(editor.children)] as NodeEntry[];
    const decorate = controller.getDecorator();
    const started = performance.now();
    let ranges = 0;
    for (const entry of entries) ranges += decorate(entry).length;
    console.log(`decorating 2,000 paragraphs (${ranges} underlines): ${(performance.now() - started).toFixed(1)} ms`);

    Transforms.insertText(editor, ' thuỷ', { at: { path: [1_501, 0, 0], offset: 0 } });
    controller.documentChanged();
    await controller.settle();
    expect(sent.slice(2_000 / BATCH_SIZE)).toEqual([[' thuỷTrả lời 750: tỉnh tập trung lãnh đạo, hoà hợp.']]);
  });
});
