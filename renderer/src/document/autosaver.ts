/**
 * Autosave without losing a word: changes are saved after a pause in typing (debounce), at the
 * latest every `maxWaitMs` while typing goes on, and at once on flush (leaving the document,
 * hiding the window). One save is in flight at a time; edits made meanwhile are saved next.
 * A conflict (the stored revision moved on) stops autosaving instead of overwriting.
 *
 * With `saveChanges`, a save sends only what changed since the state last stored (the changed
 * top-level blocks as one splice, found by identity; shared/api/document-changes.ts), so it costs
 * the main thread next to nothing however long the interview is: serialising the whole document
 * and handing ~1 MB to the transport took 20–30 ms of the main thread at 2,000 paragraphs, enough
 * to delay a keystroke. When the backend answers `stale` the whole document is sent instead.
 */
import { changesBetween, type DocumentChanges } from '../../../shared/api/document-changes';
import type { Result } from '../../../shared/api/result';
import type { Interview } from '../../../shared/model/schema';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** `storage`: a full or read-only disk, which the view names in the user's language. */
  | { kind: 'error'; message: string; storage?: 'disk_full' | 'read_only' }
  | { kind: 'conflict'; message: string };

export type SaveFn = (doc: Interview, baseRevision: number) => Promise<Result<{ revision: number }>>;
export type SaveChangesFn = (changes: DocumentChanges & { id: string; baseRevision: number }) => Promise<Result<{ revision: number } | { stale: true }>>;

export interface AutosaverOptions {
  save: SaveFn;
  /** Save only what changed since `doc` (the state stored at `revision`); without it, every save sends the whole document. */
  saveChanges?: SaveChangesFn;
  revision: number;
  /** The document as stored at `revision` (what the first changes are taken against). */
  doc?: Interview;
  delayMs?: number;
  maxWaitMs?: number;
}

export class Autosaver {
  private status: SaveStatus = { kind: 'saved' };
  private revision: number;
  /** The document as stored at `revision`, as this side sent it (null: unknown, send it whole). */
  private stored: Interview | null;
  private latest: Interview | null = null; // changes not yet sent
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;
  private readonly listeners = new Set<() => void>();
  private readonly delayMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly options: AutosaverOptions) {
    this.revision = options.revision;
    this.stored = options.doc ?? null;
    this.delayMs = options.delayMs ?? 750;
    this.maxWaitMs = options.maxWaitMs ?? 5000;
  }

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** True while some change is not yet stored. */
  get dirty(): boolean {
    return this.latest !== null || this.inFlight !== null;
  }

  /** Record the document's new state and schedule a save. */
  update(doc: Interview): void {
    if (this.status.kind === 'conflict') return;
    const now = Date.now();
    if (this.latest === null) this.firstPendingAt = now;
    this.latest = doc;
    // Already pending: the same status object, so the status line does not re-render on every keystroke.
    if (this.status.kind !== 'saving' && this.status.kind !== 'pending') this.setStatus({ kind: 'pending' });
    if (this.timer !== null) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delayMs, this.firstPendingAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => void this.run(), wait);
  }

  /** Save now whatever is pending, and resolve once everything is stored (or failed). */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.run();
  }

  private async run(): Promise<void> {
    this.timer = null;
    while (this.inFlight) await this.inFlight;
    if (this.latest === null || this.status.kind === 'conflict') return;
    const doc = this.latest;
    this.latest = null;
    let stored = false;
    this.inFlight = this.send(doc).then((ok) => {
      stored = ok;
    });
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    // Edits typed during the save go out next; after a failure we wait for the next edit or a retry.
    if (stored && this.latest !== null && this.timer === null) await this.run();
  }

  private async send(doc: Interview): Promise<boolean> {
    this.setStatus({ kind: 'saving' });
    let result: Result<{ revision: number }>;
    try {
      result = await this.store(doc);
    } catch (err) {
      result = { ok: false, error: { code: 'unavailable', message: (err as Error).message } };
    }
    if (result.ok) {
      this.revision = result.value.revision;
      this.stored = doc;
      this.setStatus(this.latest === null ? { kind: 'saved' } : { kind: 'pending' });
      return true;
    }
    if (result.error.code === 'conflict') {
      this.latest = doc; // kept so nothing typed is dropped from memory
      this.setStatus({ kind: 'conflict', message: result.error.message });
    } else {
      // Keep the unsaved state; the next edit or a retry sends the newest version.
      if (this.latest === null) this.latest = doc;
      const { code, message } = result.error;
      this.setStatus(code === 'disk_full' || code === 'read_only' ? { kind: 'error', message, storage: code } : { kind: 'error', message });
    }
    return false;
  }

  /** Store `doc`: what changed since the stored state when the backend can take that, else the whole document. */
  private async store(doc: Interview): Promise<Result<{ revision: number }>> {
    const changes = this.options.saveChanges && this.stored ? changesBetween(this.stored, doc) : null;
    if (changes && this.options.saveChanges) {
      const result = await this.options.saveChanges({ id: doc.id, baseRevision: this.revision, ...changes });
      if (!result.ok) return result;
      if ('revision' in result.value) return { ok: true, value: { revision: result.value.revision } };
      // stale: the backend does not hold the state these changes were taken against.
    }
    return this.options.save(doc, this.revision);
  }

  /**
   * Take a state the library stored by other means (a restored version): `doc`, as stored at
   * `revision`, becomes what the next save is based on, and nothing is pending. Only with nothing
   * unsaved (flush first and check `dirty`): an unsaved edit would be dropped here.
   */
  rebase(revision: number, doc: Interview): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.latest = null;
    this.revision = revision;
    this.stored = doc;
    this.setStatus({ kind: 'saved' });
  }

  /** Try again after an error. */
  retry(): Promise<void> {
    return this.flush();
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
