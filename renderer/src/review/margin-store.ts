/**
 * The review margin's state: whether it is open and what it shows (every card, the suggestions or
 * the comments). One store, outside React, so every way in — the top bar's Changes and Comments
 * buttons, Ctrl+Alt+M, a click on a commented word, the menu's Export while changes are pending —
 * opens the same margin with the filter that fits, and the screen re-renders only when it changes.
 */
import { useSyncExternalStore } from 'react';

export type MarginFilter = 'all' | 'suggestions' | 'comments';
export const MARGIN_FILTERS: readonly MarginFilter[] = ['all', 'suggestions', 'comments'];

export interface MarginState {
  open: boolean;
  filter: MarginFilter;
}

export class MarginStore {
  private state: MarginState;
  private readonly listeners = new Set<() => void>();

  constructor(initial: MarginState = { open: false, filter: 'all' }) {
    this.state = initial;
  }

  getState = (): MarginState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Open the margin showing `filter` (the filter stays as it was when none is given). */
  show = (filter?: MarginFilter): void => this.set({ open: true, filter: filter ?? this.state.filter });

  close = (): void => this.set({ ...this.state, open: false });

  setFilter = (filter: MarginFilter): void => this.set({ ...this.state, filter });

  /**
   * A top-bar button: open at its filter, or close when the margin already shows just that. A
   * margin open on something else switches to it rather than closing under the user's hand.
   */
  toggle = (filter: MarginFilter): void => {
    if (this.state.open && this.state.filter === filter) this.close();
    else this.show(filter);
  };

  private set(next: MarginState): void {
    if (next.open === this.state.open && next.filter === this.state.filter) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

export function useMargin(store: MarginStore): MarginState {
  return useSyncExternalStore(store.subscribe, store.getState);
}
