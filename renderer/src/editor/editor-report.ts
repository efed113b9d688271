/**
 * What an editor's plugins report for the UI to show, kept per editor. The plugins run inside
 * Slate's methods (insertData and the like), outside React; they report here, and a component
 * reads the report with useSyncExternalStore. Used for what a paste offers (paste/import-offers.ts)
 * and why it was refused (paste/paste-notices.ts).
 */
import type { Editor } from 'slate';

export class EditorReport<T> {
  private value: T | null = null;
  private readonly listeners = new Set<() => void>();

  /** The report, null while there is none; the same value until it changes (for useSyncExternalStore). */
  get = (): T | null => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  clear(): void {
    this.report(null);
  }

  protected report(value: T | null): void {
    if (value === this.value) return;
    this.value = value;
    this.listeners.forEach((l) => l());
  }
}

/** One `make()` per editor, made when first asked for and gone with the editor. */
export function perEditor<T extends object>(make: () => T): (editor: Editor) => T {
  const made = new WeakMap<Editor, T>();
  return (editor) => {
    let value = made.get(editor);
    if (!value) made.set(editor, (value = make()));
    return value;
  };
}
