/**
 * A paragraph's time in the recording (`time`, shared/model/schema.ts) through editing. Slate
 * treats it as any element property, which is wrong for a time in two places:
 * - splitting a paragraph (Enter, Ctrl+Enter inside a turn, a paste) gives the new second half a
 *   copy of every property: the time would then mark two places as starting at the same moment;
 * - merging two paragraphs (Backspace at a start, Delete at an end) keeps the first's properties and
 *   drops the second's, which is right for the start but loses an end the second knew (and the
 *   whole time, when the first was a blank line: then the joined paragraph takes the second's).
 * Both are fixed where every split and merge passes, `apply`, by the rules the backend and the
 * review algebra use too (shared/model/media-time.ts). Undo and redo are left alone: an undone
 * merge must give the second paragraph its time back, which is what its recorded inverse does.
 *
 * Stamping (`stampTime`) sets the start plainly, in every mode that can edit: a time is the
 * reporter's working aid, not tracked content, so Suggesting mode does not record it as a
 * suggestion (the review layer records the user's editing methods only; a Transforms call is not
 * one of them, review/with-suggestions.ts). Viewing mode refuses it; the caller shows the reason.
 */
import { Editor, Element, Node, Path, Transforms, type Operation } from 'slate';
import { HistoryEditor } from 'slate-history';
import { joinedTime, sameTime } from '../../../shared/model/media-time';
import { MAX_MEDIA_MS, type MediaTime, type Paragraph } from '../../../shared/model/schema';

const isParagraph = (node: Node | undefined): node is Paragraph => !!node && Element.isElement(node) && node.type === 'paragraph';

/**
 * Undo and redo replay recorded operations without saving them (slate-history's `withoutSaving`):
 * those already carry the rules' outcome, and an undone merge must give the second paragraph back
 * the time its recorded inverse holds.
 */
function replaying(editor: Editor): boolean {
  return HistoryEditor.isHistoryEditor(editor) && HistoryEditor.isSaving(editor) === false;
}

export function withMediaTime<E extends Editor>(editor: E): E {
  const { apply } = editor;

  editor.apply = (op: Operation) => {
    if (replaying(editor)) return apply(op);
    if (op.type === 'split_node' && 'time' in op.properties && isParagraph(Node.get(editor, op.path))) {
      // The half after the cut starts untimed; the half before keeps the time (media-time.ts).
      const { time: _moved, ...properties } = op.properties as Partial<Paragraph>;
      return apply({ ...op, properties });
    }
    if (op.type === 'merge_node' && op.path.length > 0 && op.path[op.path.length - 1]! > 0) {
      const second = Node.get(editor, op.path);
      const firstPath = Path.previous(op.path);
      const first = Node.get(editor, firstPath);
      if (isParagraph(first) && isParagraph(second)) {
        const time = joinedTime(first.time, second.time, Node.string(first) === '');
        apply(op);
        // In the same batch as the merge, so one undo takes both back.
        if (time && !sameTime(time, first.time)) Transforms.setNodes(editor, { time } as Partial<Paragraph>, { at: firstPath });
        return;
      }
    }
    apply(op);
  };

  return editor;
}

export type StampOutcome = { ok: true; path: Path } | { ok: false; reason: 'readOnly' | 'noParagraph' | 'badTime' };

/**
 * Stamp `ms` as the start of the paragraph at the caret (in `recording`, or the first recording
 * when absent). An end the paragraph had is kept only while it still follows the new start.
 * One undo step. `readOnly` is whether the editor is read-only now (Viewing mode).
 */
export function stampTime(editor: Editor, ms: number, recording: string | undefined, readOnly: boolean): StampOutcome {
  if (readOnly) return { ok: false, reason: 'readOnly' };
  if (!Number.isFinite(ms) || ms < 0) return { ok: false, reason: 'badTime' };
  const startMs = Math.min(MAX_MEDIA_MS, Math.round(ms));
  const at = editor.selection?.anchor.path;
  const entry = at ? Editor.above(editor, { at, match: (n) => isParagraph(n) }) : undefined;
  if (!entry) return { ok: false, reason: 'noParagraph' };
  const [paragraph, path] = entry as [Paragraph, Path];
  const old = paragraph.time;
  const keepEnd = old?.endMs !== undefined && old.recording === recording && old.endMs >= startMs;
  const time: MediaTime = { startMs, ...(keepEnd ? { endMs: old.endMs } : {}), ...(recording ? { recording } : {}) };
  if (!sameTime(time, old)) {
    const set = () => Transforms.setNodes(editor, { time } as Partial<Paragraph>, { at: path });
    // A step of its own: undo takes the stamp back, not the typing before it with it.
    if (HistoryEditor.isHistoryEditor(editor)) HistoryEditor.withNewBatch(editor, set);
    else set();
  }
  return { ok: true, path };
}

/**
 * The sentence (an i18n key, mediaTime.*) that tells the user why a stamp was refused, for whoever
 * calls `stampTime` (the player's key) to show where refusals are shown.
 */
export const STAMP_REFUSAL_KEY: Record<Exclude<StampOutcome, { ok: true }>['reason'], string | null> = {
  readOnly: 'mediaTime.stampReadOnly',
  noParagraph: 'mediaTime.stampNoParagraph',
  // Not the user's doing: a player reporting no position has nothing to stamp.
  badTime: null,
};
