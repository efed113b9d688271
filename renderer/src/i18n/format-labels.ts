import { FORMAT_IDS, FORMATS, type FormatId } from '../../../shared/export/formats';

/** The export formats' names in one language, from the export registry (shared/export/formats.ts). */
export function formatLabels(language: 'en' | 'vi'): Record<FormatId, string> {
  return Object.fromEntries(FORMAT_IDS.map((f) => [f, FORMATS[f].label[language]])) as Record<FormatId, string>;
}
