/**
 * Restore a version of the open interview: the edits not yet stored are stored first (so they are
 * in the history the restore puts the old version on top of), then the library makes the version
 * the newest revision, and the document as now stored is read back for the editor to take in
 * place. Used by the History dialog's Restore and by "Undo restore" (restoring the version a
 * restore replaced).
 */
import type { LoadedDocument } from '../../../shared/api/contract';
import { api } from '../api';

export interface Restored {
  /** The document as stored after the restore. */
  loaded: LoadedDocument;
  /** The version that was restored, and the one it replaced (kept in the history). */
  from: number;
  replaced: number;
}

export interface PendingSaves {
  flush(): Promise<unknown>;
  /** Something typed is still not stored (a failed or conflicting save). */
  readonly dirty: boolean;
}

export async function restoreVersion(id: string, revision: number, saves: PendingSaves, unsavedMessage: string): Promise<{ ok: true; value: Restored } | { ok: false; message: string }> {
  await saves.flush();
  // A restore on top of a state the library does not have would drop what was typed.
  if (saves.dirty) return { ok: false, message: unsavedMessage };
  const restored = await api.history.restore({ id, revision });
  if (!restored.ok) return { ok: false, message: restored.error.message };
  const loaded = await api.document.load({ id });
  if (!loaded.ok) return { ok: false, message: loaded.error.message };
  return { ok: true, value: { loaded: loaded.value, from: revision, replaced: restored.value.replaced } };
}
