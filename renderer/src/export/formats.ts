import { DIALOG_FORMATS, FORMATS, type FormatId } from '../../../shared/export/formats';

/** The formats offered in the Export dialog: the export registry's (shared/export/formats.ts), in its order. */
export type UiExportFormat = FormatId;
export const UI_EXPORT_FORMATS: readonly UiExportFormat[] = DIALOG_FORMATS;

/** Formats that carry pending suggestions as they are (the Word review copy as tracked changes)
 *  rather than the accepted text, so they may leave before the
 *  suggestions are decided. Every accepted-view format waits: it would pass undecided changes
 *  off as accepted. */
export const exportableWhilePending = (format: UiExportFormat): boolean => FORMATS[format].view !== 'accepted';
