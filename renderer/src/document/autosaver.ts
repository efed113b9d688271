/**
 * Autosave without losing a word: changes are saved after a pause in typing (debounce), at the
 * latest every `maxWaitMs` while typing goes on, and at once on flush (leaving the document,
 * hiding the window). One save is in flight at a time; edits made meanwhile are saved next.
 * A conflict (the stored revision moved on) stops autosaving instead of overwriting.
 */
import type { Result } from '../../../shared/api/result';
import type { Interview } from '../../../shared/model/schema';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string };

export type SaveFn = (doc: Interview, baseRevision: number) => Promise<Result<{ revision: number }>>;

export interface AutosaverOptions {
  save: SaveFn;
  revision: number;
  delayMs?: number;
  maxWaitMs?: number;
}

export class Autosaver {
  private status: SaveStatus = { kind: 'saved' };
  private revision: number;
  private latest: Interview | null = null; // changes not yet sent
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;
  private readonly listeners = new Set<() => void>();
  private readonly delayMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly options: AutosaverOptions) {
    this.revision = options.revision;
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
    if (this.status.kind !== 'saving') this.setStatus({ kind: 'pending' });
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
      result = await this.options.save(doc, this.revision);
    } catch (err) {
      result = { ok: false, error: { code: 'unavailable', message: (err as Error).message } };
    }
    if (result.ok) {
      this.revision = result.value.revision;
      this.setStatus(this.latest === null ? { kind: 'saved' } : { kind: 'pending' });
      return true;
    }
    if (result.error.code === 'conflict') {
      this.latest = doc; // kept so nothing typed is dropped from memory
      this.setStatus({ kind: 'conflict', message: result.error.message });
    } else {
      // Keep the unsaved state; the next edit or a retry sends the newest version.
      if (this.latest === null) this.latest = doc;
      this.setStatus({ kind: 'error', message: result.error.message });
    }
    return false;
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
