/**
 * One undo history for the whole document. Slate's history records the text; participants and
 * metadata live outside Slate. This keeps a single stack in the order the user made changes:
 * an entry is either "one Slate batch" (undone by Slate) or "a document change" (participants,
 * metadata) that may also include Slate batches, so that e.g. removing a speaker and handing
 * their turns to someone else is one step.
 *
 * It replaces `editor.undo`/`editor.redo`, so Ctrl+Z in the editor, menu commands and buttons all
 * go through it.
 */
import { HistoryEditor } from 'slate-history';
import type { Editor } from 'slate';
import type { CommentThread, Meta, MetaChange, Participant } from '../../../shared/model/schema';

export interface DocState {
  participants: Participant[];
  meta: Meta;
  /** Comment threads: adding, answering, resolving and deleting one are steps of this history too. */
  comments: CommentThread[];
  /**
   * Pending suggested metadata changes (review.metaChanges), undone and redone with the metadata
   * they belong to. Absent: the state does not touch them (kept as they are).
   */
  metaChanges?: MetaChange[];
}

type Entry = { kind: 'editor' } | { kind: 'document'; before: DocState; after: DocState; editorBatches: number };

const LIMIT = 500;

export class DocumentHistory {
  private undos: Entry[] = [];
  private redos: Entry[] = [];
  private seenBatch: unknown;
  /** After a document entry or an undo/redo, the next edit must not merge into an older Slate batch. */
  splitNext = false;
  private readonly listeners = new Set<() => void>();

  /** Shows a restored participants/metadata state; set by the screen that owns the state. */
  private apply: (state: DocState) => void = () => undefined;

  setApply(apply: (state: DocState) => void): void {
    this.apply = apply;
  }

  constructor(
    private readonly editor: Editor,
    private readonly slateUndo: () => void,
    private readonly slateRedo: () => void,
  ) {
    this.seenBatch = editor.history.undos.at(-1);
  }

  /** Take the Slate batches made since the last look into the shared stack. Cheap; call freely. */
  sync(): void {
    const batches = this.editor.history.undos;
    const last = batches.at(-1);
    if (last === this.seenBatch) return;
    let fresh = 0;
    for (let i = batches.length - 1; i >= 0 && batches[i] !== this.seenBatch; i--) fresh++;
    // Slate keeps at most 100 batches; if the one we saw was dropped, only the newest is new.
    if (this.seenBatch !== undefined && fresh === batches.length) fresh = 1;
    for (let i = 0; i < fresh; i++) this.push({ kind: 'editor' });
    if (fresh > 0) this.redos = [];
    this.seenBatch = last;
    this.notify();
  }

  /**
   * Record a change of participants or metadata. `editorChange`, if given, runs Slate operations
   * that belong to the same step. `applied` says the new state is already on screen (a field the
   * user just finished editing); otherwise it is applied here.
   */
  record(before: DocState, after: DocState, options: { editorChange?: () => void; applied?: boolean } = {}): void {
    this.sync();
    let editorBatches = 0;
    if (options.editorChange) {
      // All operations of one synchronous change form a single new Slate batch.
      HistoryEditor.withNewBatch(this.editor, options.editorChange);
      editorBatches = this.editor.history.undos.at(-1) !== this.seenBatch ? 1 : 0;
      this.seenBatch = this.editor.history.undos.at(-1);
    }
    this.push({ kind: 'document', before, after, editorBatches });
    this.redos = [];
    this.splitNext = true;
    if (!options.applied) this.apply(after);
    this.notify();
  }

  undo(): void {
    this.sync();
    const entry = this.undos.pop();
    if (!entry) return;
    if (entry.kind === 'editor') this.slateUndo();
    else {
      // Participants first: the turns being restored refer to them.
      this.apply(entry.before);
      for (let i = 0; i < entry.editorBatches; i++) this.slateUndo();
    }
    this.seenBatch = this.editor.history.undos.at(-1);
    this.splitNext = true;
    this.redos.push(entry);
    this.notify();
  }

  redo(): void {
    this.sync();
    const entry = this.redos.pop();
    if (!entry) return;
    if (entry.kind === 'editor') this.slateRedo();
    else {
      for (let i = 0; i < entry.editorBatches; i++) this.slateRedo();
      this.apply(entry.after);
    }
    this.seenBatch = this.editor.history.undos.at(-1);
    this.splitNext = true;
    this.undos.push(entry);
    this.notify();
  }

  /**
   * Forget every step (and Slate's own batches): the document was replaced as a whole (a restored
   * version), and the old steps describe edits of the text it replaced; replayed on the new text,
   * they would change the wrong words.
   */
  clear(): void {
    this.editor.history.undos = [];
    this.editor.history.redos = [];
    this.undos = [];
    this.redos = [];
    this.seenBatch = undefined;
    this.splitNext = true;
    this.notify();
  }

  get canUndo(): boolean {
    return this.undos.length > 0 || this.editor.history.undos.at(-1) !== this.seenBatch;
  }

  get canRedo(): boolean {
    return this.redos.length > 0;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private push(entry: Entry): void {
    this.undos.push(entry);
    if (this.undos.length > LIMIT) this.undos.shift();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

/** Route the editor's undo/redo through one document history. */
export function attachDocumentHistory(editor: Editor): DocumentHistory {
  const history = new DocumentHistory(editor, editor.undo, editor.redo);
  const { apply: applyOperation } = editor;
  editor.apply = (op) => {
    if (history.splitNext && op.type !== 'set_selection') {
      history.splitNext = false;
      HistoryEditor.withNewBatch(editor, () => applyOperation(op));
    } else applyOperation(op);
  };
  editor.undo = () => history.undo();
  editor.redo = () => history.redo();
  return history;
}
