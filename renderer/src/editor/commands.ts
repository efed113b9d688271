/**
 * Editing commands of the interview editor. The UI calls the wrappers at the top (`startNextTurn`,
 * `setTurnSpeaker`), which say what the user asked in terms of the editor's methods
 * (slate-types.ts); the plain behaviour of those methods is the `plain…` functions below, installed
 * by `withInterview` (a plugin such as Suggesting overrides the methods, never these).
 * Plain functions of a Slate editor, so they are unit-tested without a browser.
 */
import { Editor, Element, Node, Path, Range, Transforms } from 'slate';
import { emptyParagraph } from '../../../shared/model/factory';
import type { Participant, Turn } from '../../../shared/model/schema';
import { nextSpeakerId } from './speakers';

const isTurn = (n: Node): n is Turn => Element.isElement(n) && n.type === 'turn';

/** Ctrl/Cmd+Enter: start the next speaker's turn (see `plainInsertNextTurn`). */
export function startNextTurn(editor: Editor, participants: readonly Participant[]): void {
  editor.insertNextTurn(participants);
}

/** Alt+1…9: give the current turn to the n-th participant (1-based); false when there is none or no turn. */
export function setTurnSpeaker(editor: Editor, participants: readonly Participant[], n: number): boolean {
  const participant = participants[n - 1];
  const entry = Editor.above(editor, { match: (node) => isTurn(node), mode: 'highest' });
  if (!participant || !entry) return false;
  editor.setSpeaker(entry[1][0]!, participant.id);
  return true;
}

/** Speaker ids of the turns before top-level index `index`, in order. */
function speakersBefore(editor: Editor, index: number): string[] {
  const ids: string[] = [];
  for (const block of editor.children.slice(0, index)) if (isTurn(block)) ids.push(block.speakerId);
  return ids;
}

function turnOf(speakerId: string): Turn {
  return { type: 'turn', speakerId, children: [emptyParagraph()] };
}

/**
 * The next speaker's turn at the caret, plainly:
 * - at the end of a turn: a new empty turn of the next speaker follows it;
 * - in an empty turn: that turn passes to the next speaker;
 * - inside a turn: the turn is split at the caret and the rest goes to the next speaker;
 * - in an intro paragraph: an empty paragraph becomes the first turn; otherwise a turn follows it.
 */
export function plainInsertNextTurn(editor: Editor, participants: readonly Participant[]): void {
  const { selection } = editor;
  if (!selection) return;
  Editor.withoutNormalizing(editor, () => {
    if (Range.isExpanded(selection)) Transforms.delete(editor);
    const point = editor.selection!.anchor;
    const top = point.path[0]!;
    const block = editor.children[top]!;

    if (isTurn(block)) {
      const turnPath = [top];
      const earlier = speakersBefore(editor, top);
      const next = nextSpeakerId(participants, block.speakerId, [...earlier, block.speakerId]);
      if (!next) return;
      if (Node.string(block) === '' && block.children.length === 1) {
        Transforms.setNodes(editor, { speakerId: next }, { at: turnPath });
        return;
      }
      if (Editor.isEnd(editor, point, turnPath)) {
        Transforms.insertNodes(editor, turnOf(next), { at: Path.next(turnPath), select: true });
        return;
      }
      if (Editor.isStart(editor, point, turnPath)) {
        // At the very start: an interjection of the other speaker goes before this turn.
        const before = nextSpeakerId(participants, block.speakerId, earlier) ?? next;
        Transforms.insertNodes(editor, turnOf(before), { at: turnPath, select: true });
        return;
      }
      Transforms.splitNodes(editor, { match: (n) => isTurn(n), mode: 'highest' });
      Transforms.setNodes(editor, { speakerId: next }, { at: Path.next(turnPath) });
      Transforms.select(editor, Editor.start(editor, Path.next(turnPath)));
      return;
    }

    if (Element.isElement(block) && block.type === 'paragraph') {
      const earlier = speakersBefore(editor, top);
      const last = earlier[earlier.length - 1] ?? null;
      const speaker = last === null ? nextSpeakerId(participants, null, []) : nextSpeakerId(participants, last, earlier);
      if (!speaker) return;
      if (Node.string(block) === '') {
        Transforms.wrapNodes(editor, { type: 'turn', speakerId: speaker, children: [] }, { at: [top] });
        return;
      }
      if (Editor.isEnd(editor, point, [top])) {
        Transforms.insertNodes(editor, turnOf(speaker), { at: [top + 1], select: true });
        return;
      }
      Transforms.splitNodes(editor, { at: point, match: (n) => Element.isElement(n) && n.type === 'paragraph' });
      Transforms.wrapNodes(editor, { type: 'turn', speakerId: speaker, children: [] }, { at: [top + 1] });
      Transforms.select(editor, Editor.start(editor, [top + 1]));
    }
  });
}

/** The turn at `top` goes to `speakerId`, plainly. */
export function plainSetSpeaker(editor: Editor, top: number, speakerId: string): void {
  Transforms.setNodes(editor, { speakerId }, { at: [top] });
}

/**
 * The turn at `top` loses its boundary, plainly: an empty turn disappears and the caret goes to the
 * end of what precedes it; after another turn, its paragraphs join that turn (the previous speaker
 * goes on talking); with no turn before it, its paragraphs become plain paragraphs (the label goes).
 */
export function plainJoinTurn(editor: Editor, top: number): void {
  const block = editor.children[top];
  if (!Element.isElement(block) || block.type !== 'turn') return;
  const previous = top > 0 ? editor.children[top - 1] : undefined;
  const isEmpty = Node.string(block) === '' && block.children.length === 1;
  if (isEmpty && previous) {
    Editor.withoutNormalizing(editor, () => {
      Transforms.removeNodes(editor, { at: [top] });
      Transforms.select(editor, Editor.end(editor, [top - 1]));
    });
  } else if (Element.isElement(previous) && previous.type === 'turn') {
    Transforms.mergeNodes(editor, { at: [top] });
  } else {
    Transforms.unwrapNodes(editor, { at: [top] });
  }
}

/** Top-level indexes of the turns a participant speaks, last first (safe to remove in order). */
export function turnIndexesOf(editor: Editor, speakerId: string): number[] {
  const indexes: number[] = [];
  editor.children.forEach((block, i) => {
    if (isTurn(block) && block.speakerId === speakerId) indexes.push(i);
  });
  return indexes.reverse();
}

/** Every turn of one speaker goes to another, plainly. */
export function plainReassignTurns(editor: Editor, fromId: string, toId: string): void {
  for (const i of turnIndexesOf(editor, fromId)) Transforms.setNodes(editor, { speakerId: toId }, { at: [i] });
}

/** Every turn of one speaker goes (with its paragraphs and photos), plainly. */
export function plainRemoveTurnsOf(editor: Editor, speakerId: string): void {
  Editor.withoutNormalizing(editor, () => {
    for (const i of turnIndexesOf(editor, speakerId)) Transforms.removeNodes(editor, { at: [i] });
  });
}
