/** The export formats, by id, with what a caller needs to name and label the file. */

export const EXPORT_FORMATS = ['nitf', 'nitf-no-namespace', 'newsml-g2', 'ninjs-3.1', 'ninjs-2.2', 'iptc7901', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatInfo {
  /** Extension of the main file, without the dot. */
  extension: string;
  mime: string;
  /** Whether picture files are delivered next to the main file (referenced by relative name). */
  picturesAlongside: boolean;
}

export const FORMAT_INFO: Readonly<Record<ExportFormat, FormatInfo>> = {
  nitf: { extension: 'xml', mime: 'application/nitf+xml', picturesAlongside: true },
  'nitf-no-namespace': { extension: 'xml', mime: 'application/nitf+xml', picturesAlongside: true },
  'newsml-g2': { extension: 'xml', mime: 'application/vnd.iptc.g2.newsmessage+xml', picturesAlongside: true },
  'ninjs-3.1': { extension: 'json', mime: 'application/json', picturesAlongside: false },
  'ninjs-2.2': { extension: 'json', mime: 'application/json', picturesAlongside: false },
  iptc7901: { extension: 'txt', mime: 'text/plain', picturesAlongside: false },
  html: { extension: 'html', mime: 'text/html', picturesAlongside: true },
};
