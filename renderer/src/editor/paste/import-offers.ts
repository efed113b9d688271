/**
 * A text interview pasted into an empty document waits here for its preview, per editor. The paste
 * plugin runs inside Slate's insertData, outside React; it offers the import here and
 * PastedImportPreview.tsx shows the same preview as Import (import/ImportPreviewDialog.tsx).
 * Nothing is pasted until the preview is accepted.
 */
import type { Editor } from 'slate';
import type { ImportResult } from '../../../../shared/import/agency-text';

export class ImportOffers {
  private offered: ImportResult | null = null;
  private readonly listeners = new Set<() => void>();

  get = (): ImportResult | null => this.offered;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A new paste replaces a preview still open. */
  offer(result: ImportResult | null): void {
    if (result === this.offered) return;
    this.offered = result;
    this.listeners.forEach((l) => l());
  }

  clear(): void {
    this.offer(null);
  }
}

const offers = new WeakMap<Editor, ImportOffers>();

export function importOffers(editor: Editor): ImportOffers {
  let o = offers.get(editor);
  if (!o) offers.set(editor, (o = new ImportOffers()));
  return o;
}
