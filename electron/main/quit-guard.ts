/**
 * Closing a window without losing the last words typed (Joplin's appClose / appCloseReply).
 *
 * When the window is asked to close (its close button, File ▸ Quit, ⌘Q, logging out), the close
 * is held back and the renderer is asked to flush its pending edits. Then:
 * - it answers that all is stored → the window closes;
 * - it answers that storing failed, or does not answer in time → the user is asked whether to
 *   quit without saving or keep the app open;
 * - its process is gone (crashed, killed) → nothing can be saved any more: the window closes.
 *
 * Pure: every effect (IPC, timer, dialog, closing) is injected, so the protocol is unit-tested;
 * window.ts wires it to a BrowserWindow.
 */

export interface QuitGuardEffects {
  /** Ask the renderer to flush; its answer comes back through `flushDone(requestId, …)`. */
  requestFlush(requestId: number): void;
  /** Call `onTimeout` after `ms`; returns the function that cancels it. */
  startTimer(ms: number, onTimeout: () => void): () => void;
  /** Ask the user; resolves true for "quit without saving", false for "keep the app open". */
  askQuitWithoutSaving(problem: UnsavedProblem): Promise<boolean>;
  /** Close the window for good (the guard is no longer consulted). */
  close(): void;
  /** The close was called off: the user keeps working. */
  cancelled(): void;
}

export type UnsavedProblem = { kind: 'timeout'; seconds: number } | { kind: 'failed'; message: string };

export type QuitGuardState =
  | { kind: 'open' }
  | { kind: 'flushing'; requestId: number; cancelTimer: () => void }
  | { kind: 'asking' }
  | { kind: 'closing' }
  /** The renderer is gone: there is nothing to flush, closing needs no question. */
  | { kind: 'renderer-gone' };

export const DEFAULT_FLUSH_TIMEOUT_MS = 5000;

export class QuitGuard {
  private state: QuitGuardState = { kind: 'open' };
  private lastRequestId = 0;
  private gone = false;

  constructor(
    private readonly fx: QuitGuardEffects,
    private readonly timeoutMs = DEFAULT_FLUSH_TIMEOUT_MS,
  ) {}

  get stateKind(): QuitGuardState['kind'] {
    return this.state.kind;
  }

  /**
   * The window's `close` event: true lets it close now; false means "hold it" (the event must be
   * prevented) while the renderer flushes or the user decides.
   */
  closeRequested(): boolean {
    switch (this.state.kind) {
      case 'closing':
      case 'renderer-gone':
        return true;
      case 'flushing':
      case 'asking':
        return false; // already on it; a second click changes nothing
      case 'open': {
        const requestId = ++this.lastRequestId;
        const cancelTimer = this.fx.startTimer(this.timeoutMs, () => this.timedOut(requestId));
        this.state = { kind: 'flushing', requestId, cancelTimer };
        this.fx.requestFlush(requestId);
        return false;
      }
    }
  }

  /** The renderer's answer. Answers to an earlier request, or after the time ran out, are ignored. */
  flushDone(requestId: number, result: { ok: true } | { ok: false; message: string }): void {
    if (this.state.kind !== 'flushing' || this.state.requestId !== requestId) return;
    this.state.cancelTimer();
    if (result.ok) this.closeNow();
    else this.ask({ kind: 'failed', message: result.message });
  }

  /** The renderer process crashed or was killed. */
  rendererGone(): void {
    this.gone = true;
    switch (this.state.kind) {
      case 'flushing':
        this.state.cancelTimer();
        this.closeNow();
        return;
      case 'open':
        this.state = { kind: 'renderer-gone' };
        return;
      default:
        return; // closing anyway; or the question is up, and the user's answer decides
    }
  }

  private timedOut(requestId: number): void {
    if (this.state.kind !== 'flushing' || this.state.requestId !== requestId) return;
    this.ask({ kind: 'timeout', seconds: Math.round(this.timeoutMs / 1000) });
  }

  private ask(problem: UnsavedProblem): void {
    this.state = { kind: 'asking' };
    void this.fx.askQuitWithoutSaving(problem).then(
      (quit) => this.answered(quit),
      () => this.answered(false), // the dialog failed: keeping the work open is the safe side
    );
  }

  private answered(quit: boolean): void {
    if (this.state.kind !== 'asking') return;
    if (quit) {
      this.closeNow();
    } else {
      this.state = this.gone ? { kind: 'renderer-gone' } : { kind: 'open' };
      this.fx.cancelled();
    }
  }

  private closeNow(): void {
    this.state = { kind: 'closing' };
    this.fx.close();
  }
}
