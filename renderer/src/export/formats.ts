import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export/formats';

/** The formats offered in the Export dialog: the wire formats, plus the agency's plain text. */
export type UiExportFormat = ExportFormat | 'agency-text';
export const UI_EXPORT_FORMATS: readonly UiExportFormat[] = ['agency-text', ...EXPORT_FORMATS];
