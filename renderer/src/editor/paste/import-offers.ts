/**
 * A text interview pasted into an empty document waits here for its preview, per editor. The paste
 * plugin runs inside Slate's insertData, outside React; it offers the import here and
 * PastedImportPreview.tsx shows the same preview as Import (import/ImportPreviewDialog.tsx).
 * Nothing is pasted until the preview is accepted.
 */
import type { ImportResult } from '../../../../shared/import/agency-text';
import { EditorReport, perEditor } from '../editor-report';

export class ImportOffers extends EditorReport<ImportResult> {
  /** A new paste replaces a preview still open. */
  offer(result: ImportResult | null): void {
    this.report(result);
  }
}

export const importOffers = perEditor(() => new ImportOffers());
