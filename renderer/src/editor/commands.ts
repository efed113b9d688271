/**
 * Editing commands of the interview editor, as plain functions of a Slate editor so they are
 * unit-tested without a browser.
 */
import { Editor, Element, Node, Path, Range, Transforms } from 'slate';
import { emptyParagraph } from '../../../shared/model/factory';
import type { Participant, Turn } from '../../../shared/model/schema';
import { suggestingStructure, suggestNextTurn, suggestSpeaker } from '../review/structure-suggestions';
import { nextSpeakerId } from './speakers';

const isTurn = (n: Node): n is Turn => Element.isElement(n) && n.type === 'turn';

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
 * Ctrl/Cmd+Enter: start the next speaker's turn.
 * - at the end of a turn: a new empty turn of the next speaker follows it;
 * - in an empty turn: that turn passes to the next speaker;
 * - inside a turn: the turn is split at the caret and the rest goes to the next speaker;
 * - in an intro paragraph: an empty paragraph becomes the first turn; otherwise a turn follows it.
 */
export function startNextTurn(editor: Editor, participants: readonly Participant[]): void {
  const { selection } = editor;
  if (!selection) return;
  // Suggesting: the same change, recorded as suggestions (review/structure-suggestions.ts). A
  // selection is struck first, as typing over it would (its own undo step).
  if (suggestingStructure(editor)) {
    if (Range.isExpanded(selection)) editor.deleteFragment();
    const s = suggestingStructure(editor);
    if (s && editor.selection) suggestNextTurn(editor, s, participants, editor.selection.anchor);
    return;
  }
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

/** Alt+1…9: give the current turn to the n-th participant (1-based). */
export function setTurnSpeaker(editor: Editor, participants: readonly Participant[], n: number): boolean {
  const participant = participants[n - 1];
  const entry = Editor.above(editor, { match: (node) => isTurn(node), mode: 'highest' });
  if (!participant || !entry) return false;
  const s = suggestingStructure(editor);
  if (s) {
    suggestSpeaker(s, entry[1][0]!, participant.id);
    return true;
  }
  Transforms.setNodes(editor, { speakerId: participant.id }, { at: entry[1] });
  return true;
}
