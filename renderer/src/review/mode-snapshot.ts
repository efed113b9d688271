/**
 * A revision snapshot on every switch of the editing mode: the state in which
 * a reporter hands over to Suggesting, or an editor goes back to Editing, is worth finding again.
 *
 * The pending edits are stored first (the autosaver's flush), so the library's current revision is
 * the document as it was at the switch; the backend then labels that revision `mode`. Switches are
 * queued, so two quick ones cannot interleave their flush and their mark.
 */
import type { EditingMode } from '../../../shared/desktop-commands';

export interface ModeSnapshotDeps {
  /** Store every pending edit; resolves once stored (or failed). */
  flush: () => Promise<void>;
  /** Did the flush store the document (no error, no conflict)? Edits typed since may be pending. */
  saved: () => boolean;
  mark: (input: { id: string; from: EditingMode; to: EditingMode }) => Promise<unknown>;
}

export function modeSnapshotter(id: string, deps: ModeSnapshotDeps): (from: EditingMode, to: EditingMode) => Promise<void> {
  let queue = Promise.resolve();
  return (from, to) => {
    if (from === to) return queue;
    queue = queue
      .then(async () => {
        await deps.flush();
        // A failed save leaves a stored revision that is not what the user saw: mark nothing.
        if (deps.saved()) await deps.mark({ id, from, to });
      })
      // The snapshot is a convenience: its failure is not worth interrupting the user for (the
      // save status already reports a failed save), and must not stop the next switch's.
      .catch(() => undefined);
    return queue;
  };
}

/** flush and saved from the open document's autosaver (document/autosaver.ts). */
export function autosaverDeps(autosaver: { flush: () => Promise<void>; getStatus: () => { kind: string } }): Pick<ModeSnapshotDeps, 'flush' | 'saved'> {
  return { flush: () => autosaver.flush(), saved: () => !['error', 'conflict'].includes(autosaver.getStatus().kind) };
}
