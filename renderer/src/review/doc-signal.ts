/** Something that changes when the document does: the Changes panel and previews re-read it. */
export class DocSignal {
  private version = 0;
  private readonly listeners = new Set<() => void>();
  bump = (): void => {
    this.version++;
    for (const l of this.listeners) l();
  };
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  get = (): number => this.version;
  /**
   * `compute`'s answer, computed again only after the next bump: as a `useSyncExternalStore`
   * snapshot, the component renders again only when the answer changes, not on every keystroke.
   */
  derive = <T>(compute: () => T): (() => T) => {
    let seen = -1;
    let value: T;
    return () => {
      if (this.version !== seen) {
        seen = this.version;
        value = compute();
      }
      return value;
    };
  };
}
