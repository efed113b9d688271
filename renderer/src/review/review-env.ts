/**
 * What the suggestion plugin (with-suggestions.ts) needs from the document screen: the mode, who is
 * suggesting, and the records. Set by DocumentEditor with `setReviewEnv`; an editor without one
 * (tests of other plugins, previews) never suggests.
 */
import type { Editor } from 'slate';
import type { EditingMode } from '../../../shared/desktop-commands';
import type { Interview, Suggestion, SuggestionKind } from '../../../shared/model/schema';
import type { Author } from '../../../shared/review';

export interface ReviewEnv {
  mode(): EditingMode;
  author(): Author;
  record(id: string): Suggestion | undefined;
  /** Open a new suggestion by the author (its record goes into the document); returns its id. */
  open(kind: SuggestionKind): string;
  /**
   * Structural suggestions (speaker, turns, photos, metadata) go through the pure algebra instead
   * of Slate transforms (structure-suggestions.ts): the open document as it stands now, with the
   * live body and its records, and a way to put the algebra's result in place as one undo step.
   * Absent in editors that only record text (tests of the text plugin).
   */
  document?(): Interview;
  commit?(next: Interview, options?: CommitOptions): void;
}

export interface CommitOptions {
  /** Join the previous undo step (typing a caption letter by letter is one step). */
  merge?: boolean;
}

const envs = new WeakMap<Editor, ReviewEnv>();
/** Editors inside `withoutSuggestions`: programmatic changes are never recorded. */
const paused = new WeakSet<Editor>();

export function setReviewEnv(editor: Editor, env: ReviewEnv): void {
  envs.set(editor, env);
}

/** The env when the editor is suggesting now, else undefined. */
export function suggestingEnv(editor: Editor): ReviewEnv | undefined {
  const env = envs.get(editor);
  return env && !paused.has(editor) && env.mode() === 'suggesting' ? env : undefined;
}

/** Run a programmatic change (find-and-replace, a resolution) as a plain edit, whatever the mode. */
export function withoutSuggestions(editor: Editor, change: () => void): void {
  if (paused.has(editor)) return change();
  paused.add(editor);
  try {
    change();
  } finally {
    paused.delete(editor);
  }
}
