/**
 * Autosave without losing a word: changes are saved after a pause in typing (debounce), at the
 * latest every `maxWaitMs` while typing goes on, and at once on flush (leaving the document,
 * hiding the window). One save is in flight at a time; edits made meanwhile are saved next.
 *
 * With `saveChanges`, a save sends only what changed since the state last stored (the changed
 * top-level blocks as one splice, found by identity; shared/api/document-changes.ts), so it costs
 * the main thread next to nothing however long the interview is: serialising the whole document
 * and handing ~1 MB to the transport took 20–30 ms of the main thread at 2,000 paragraphs, enough
 * to delay a keystroke. When the backend answers `stale` the whole document is sent instead.
 *
 * Every save carries an id of its own (a random UUID), stored with the revision it becomes. A save
 * whose answer never came (the host crashed between storing it and answering, the connection
 * dropped) may or may not be stored: it is kept as it was sent and sent again, with the same id,
 * before anything newer, and the backend answers a save it already holds with the revision it
 * became (electron/backend/documents.ts, "Saves are idempotent"). So a lost answer never turns into
 * a conflict with ourselves, and what was typed after it is saved on top of it. The cost: after a
 * lost answer the next save is two requests instead of one. A save the backend refused (a full
 * disk, an invalid document) was not stored: its id is dropped and the newest state goes next.
 *
 * A real conflict (another window, or a review file opened meanwhile, stored a newer revision) never
 * loses either version: the whole document is sent again with `keep`, and the library stores it as
 * the newest revision, with the other version kept just below it in the history. The editor goes on
 * from there and says so (`kept`, shown by ConflictNotice.tsx): a journalist keeps what is on their
 * screen and finds the other text in History, where Compare shows the difference.
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
  /** A conflict that could not be kept (the save function cannot keep both): autosaving stops. */
  | { kind: 'conflict'; message: string };

/** One save as the backend is asked for it: its id, and whether a conflict keeps both versions. */
export interface SaveRequest {
  saveId: string;
  keep?: boolean;
}
/** A stored save; `kept`: it was stored beside the version saved elsewhere, revision `other`. */
export interface SaveAnswer {
  revision: number;
  kept?: { other: number };
}
export type SaveFn = (doc: Interview, baseRevision: number, request: SaveRequest) => Promise<Result<SaveAnswer>>;
export type SaveChangesFn = (changes: DocumentChanges & { id: string; baseRevision: number; saveId: string }) => Promise<Result<SaveAnswer | { stale: true }>>;

/** This editor's text kept through a conflict: the revision it became, and the other version's. */
export interface KeptConflict {
  revision: number;
  other: number;
}

/** A new save id: a random UUID (crypto.randomUUID wants a secure context; both hosts are one, this is a fallback). */
export function newSaveId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A save on its way: the state sent and the id it was sent with. */
interface Outgoing {
  doc: Interview;
  saveId: string;
}

export interface AutosaverOptions {
  save: SaveFn;
  /** Save only what changed since `doc` (the state stored at `revision`); without it, every save sends the whole document. */
  saveChanges?: SaveChangesFn;
  revision: number;
  /** The document as stored at `revision` (what the first changes are taken against). */
  doc?: Interview;
  delayMs?: number;
  maxWaitMs?: number;
  /** Ids for saves (tests pass a predictable source). */
  newSaveId?: () => string;
}

export class Autosaver {
  private status: SaveStatus = { kind: 'saved' };
  private revision: number;
  /** The document as stored at `revision`, as this side sent it (null: unknown, send it whole). */
  private stored: Interview | null;
  private latest: Interview | null = null; // changes not yet sent
  /** A save sent whose answer never came: it may be stored, so it goes again as it was, before `latest`. */
  private unanswered: Outgoing | null = null;
  private kept: KeptConflict | null = null;
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

  /** The last conflict this editor's text was kept through, until dismissed. */
  getKept = (): KeptConflict | null => this.kept;

  dismissKept(): void {
    this.kept = null;
    this.notify();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** True while some change is not yet stored. */
  get dirty(): boolean {
    return this.latest !== null || this.inFlight !== null || this.unanswered !== null;
  }

  /** Record the document's new state and schedule a save. */
  update(doc: Interview): void {
    if (this.status.kind === 'conflict') {
      this.latest = doc; // held (and `dirty`) until a retry keeps it beside the other version
      return;
    }
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
    if (this.status.kind === 'conflict') return;
    // A save whose answer was lost goes first, unchanged: it may be stored already.
    let out = this.unanswered;
    if (out === null) {
      if (this.latest === null) return;
      out = { doc: this.latest, saveId: (this.options.newSaveId ?? newSaveId)() };
      this.latest = null;
    }
    let stored = false;
    this.inFlight = this.send(out).then((ok) => {
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

  private async send(out: Outgoing): Promise<boolean> {
    this.setStatus({ kind: 'saving' });
    let result: Result<SaveAnswer>;
    try {
      result = await this.store(out);
    } catch (err) {
      result = { ok: false, error: { code: 'unavailable', message: (err as Error).message } };
    }
    if (result.ok) {
      this.revision = result.value.revision;
      this.stored = out.doc;
      this.unanswered = null;
      if (result.value.kept) this.kept = { revision: result.value.revision, other: result.value.kept.other };
      this.setStatus(this.latest === null ? { kind: 'saved' } : { kind: 'pending' });
      return true;
    }
    const { code, message } = result.error;
    if (code === 'conflict') {
      this.unanswered = null;
      this.latest ??= out.doc; // kept so nothing typed is dropped from memory
      this.setStatus({ kind: 'conflict', message });
    } else {
      // No answer (`unavailable`: the host stopped, the connection dropped, IPC threw): the save may
      // be stored, so it is kept as sent. Any other answer means nothing was stored: the newest
      // state goes next, under a new id.
      if (code === 'unavailable') this.unanswered = out;
      else {
        this.unanswered = null;
        this.latest ??= out.doc;
      }
      this.setStatus(code === 'disk_full' || code === 'read_only' ? { kind: 'error', message, storage: code } : { kind: 'error', message });
    }
    return false;
  }

  /**
   * Store a save: what changed since the stored state when the backend can take that, else the
   * whole document; on a conflict, the whole document again, kept beside the other version.
   */
  private async store(out: Outgoing): Promise<Result<SaveAnswer>> {
    const first = await this.storeOnce(out);
    if (first.ok || first.error.code !== 'conflict') return first;
    return this.options.save(out.doc, this.revision, { saveId: out.saveId, keep: true });
  }

  private async storeOnce({ doc, saveId }: Outgoing): Promise<Result<SaveAnswer>> {
    const changes = this.options.saveChanges && this.stored ? changesBetween(this.stored, doc) : null;
    if (changes && this.options.saveChanges) {
      const result = await this.options.saveChanges({ id: doc.id, baseRevision: this.revision, ...changes, saveId });
      if (!result.ok) return result;
      if ('revision' in result.value) return { ok: true, value: result.value };
      // stale: the backend does not hold the state these changes were taken against; nothing was stored.
    }
    return this.options.save(doc, this.revision, { saveId });
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
    this.unanswered = null;
    this.revision = revision;
    this.stored = doc;
    this.setStatus({ kind: 'saved' });
  }

  /** Try again after an error, or after a conflict that could not be kept. */
  retry(): Promise<void> {
    if (this.status.kind === 'conflict') this.setStatus({ kind: 'pending' });
    return this.flush();
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
