/**
 * The formats the CLI writes, by their short command-line names: the wire formats of
 * shared/export, plus the agency plain text and the document's own JSON. The full export format
 * ids (`newsml-g2`, `ninjs-3.1`, …) are accepted too, as settings and the API spell them.
 */
import { EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from '../../shared/export/formats';
import { CliError } from './io';

export type CliFormat = ExportFormat | 'text' | 'json';

const SHORT_NAMES: Readonly<Record<string, CliFormat>> = {
  text: 'text',
  nitf: 'nitf',
  'nitf-nons': 'nitf-no-namespace',
  newsml: 'newsml-g2',
  ninjs: 'ninjs-3.1',
  ninjs2: 'ninjs-2.2',
  iptc7901: 'iptc7901',
  html: 'html',
  json: 'json',
};

export const FORMAT_NAMES = Object.keys(SHORT_NAMES).join('|');

export function parseFormat(name: string | undefined, option: string): CliFormat {
  if (name === undefined) throw new CliError(`${option} is required: one of ${FORMAT_NAMES}`, 2);
  const format = SHORT_NAMES[name] ?? (EXPORT_FORMATS as readonly string[]).find((f) => f === name);
  if (!format) throw new CliError(`unknown format "${name}" for ${option}: use one of ${FORMAT_NAMES}`, 2);
  return format as CliFormat;
}

export const isWireFormat = (format: CliFormat): format is ExportFormat => format !== 'text' && format !== 'json';

/** Extension of the file written for a format, without the dot. */
export function extensionOf(format: CliFormat): string {
  return format === 'text' ? 'txt' : format === 'json' ? 'json' : FORMAT_INFO[format].extension;
}
