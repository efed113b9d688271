/**
 * The formats the CLI writes, by their command-line names: every format of the export registry
 * (shared/export/formats.ts), wire formats, agency text and the document's JSON alike. The full
 * format ids (`newsml-g2`, `ninjs-3.1`, …) are accepted too, as settings and the API spell them.
 */
import { FORMAT_IDS, FORMATS, formatByName, type FormatId } from '../../shared/export/formats';
import { CliError } from './cli-error';

export type CliFormat = FormatId;

export const FORMAT_NAMES = FORMAT_IDS.map((f) => FORMATS[f].cliName).join('|');

export function parseFormat(name: string | undefined, option: string): CliFormat {
  if (name === undefined) throw new CliError(`${option} is required: one of ${FORMAT_NAMES}`, 2);
  const format = formatByName(name);
  if (!format) throw new CliError(`unknown format "${name}" for ${option}: use one of ${FORMAT_NAMES}`, 2);
  return format;
}
