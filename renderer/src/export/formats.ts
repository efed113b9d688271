import { DIALOG_FORMATS, type FormatId } from '../../../shared/export/formats';

/** The formats offered in the Export dialog: the export registry's (shared/export/formats.ts), in its order. */
export type UiExportFormat = FormatId;
export const UI_EXPORT_FORMATS: readonly UiExportFormat[] = DIALOG_FORMATS;
