/**
 * The status after each decision on suggestions, kept outside React state: only the status region
 * (DecisionStatus.tsx) re-renders when it changes, not the document screen around the editor.
 * A note stays on screen for a while (screen readers announce it at once) and then goes.
 */
import type { Decision, KindCount } from '../../../shared/review';
import type { DecisionNote, Pointed } from './decision-text';

/** How long a note stays on screen. */
const SHOWN_MS = 10_000;

export class DecisionNotes {
  private note: DecisionNote | null = null;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly shownMs = SHOWN_MS) {}

  /** Say what a decision took (an empty tally: that there was nothing where it looked). */
  say(decision: Decision, tally: readonly KindCount[], where?: Pointed): void {
    this.set({ decision, tally, ...(where ? { where } : {}), seq: ++this.seq });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.set(null), this.shownMs);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): DecisionNote | null => this.note;

  private set(note: DecisionNote | null): void {
    this.note = note;
    for (const l of this.listeners) l();
  }
}
