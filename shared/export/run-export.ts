/**
 * One entry point for the backend and the CLI: preflight, then the export, then the list of
 * picture files to deliver with it. Preflight runs before every export, so a story with errors
 * (or with warnings the user did not accept) never produces a file.
 *
 * Delivery (writing a temporary file and renaming it into the drop folder, copying the picture
 * bytes from the asset store) is the caller's: this stays pure.
 */
import type { Interview } from '../model/schema';
import { FORMAT_INFO, type ExportFormat, type FormatInfo } from './formats';
import { exportHtml } from './html';
import { exportIptc7901, type Iptc7901Settings } from './iptc7901';
import { exportNewsmlG2 } from './newsml-g2';
import { exportNinjs22, exportNinjs31 } from './ninjs';
import { exportNitf, exportNitfNoNamespace } from './nitf';
import type { DocumentCheckOptions } from '../vietnamese/document-check';
import type { ExportOptions } from './options';
import { mayExport, preflight, type PreflightResult } from './preflight';
import { buildStory, withOneStory } from './story';

export interface ExportRequest {
  format: ExportFormat;
  options: ExportOptions;
  /** true: export despite warnings; a set: the keys of the warnings the user accepted. */
  acceptWarnings?: boolean | ReadonlySet<string>;
  /** Tracked changes still pending (from the review feature); any blocks the export. */
  unresolvedSuggestions?: number;
  /** House-style text checks (tone marks; spelling when dictionaries are given), as warnings. */
  textChecks?: DocumentCheckOptions;
  iptc7901?: Iptc7901Settings;
}

export interface DeliveredPicture {
  assetId: string;
  fileName: string;
}

export type ExportOutcome =
  | { ok: true; preflight: PreflightResult; format: FormatInfo; content: string | Uint8Array; pictures: DeliveredPicture[] }
  | { ok: false; preflight: PreflightResult };

/**
 * The export alone, without preflight: only for a caller that has shown the findings and was told
 * to go ahead regardless (the CLI's `convert --force`). A photo without an image is then exported
 * with its caption and credit but no picture file.
 */
export function renderExport(doc: Interview, request: ExportRequest): string | Uint8Array {
  const { options } = request;
  switch (request.format) {
    case 'nitf':
      return exportNitf(doc, options);
    case 'nitf-no-namespace':
      return exportNitfNoNamespace(doc, options);
    case 'newsml-g2':
      return exportNewsmlG2(doc, options);
    case 'ninjs-3.1':
      return exportNinjs31(doc, options);
    case 'ninjs-2.2':
      return exportNinjs22(doc, options);
    case 'iptc7901':
      return exportIptc7901(doc, options, request.iptc7901);
    case 'html':
      return exportHtml(doc, options);
  }
}

/** The picture files an export refers to, once each (one image may be used twice). */
export function picturesToDeliver(doc: Interview, options: ExportOptions): DeliveredPicture[] {
  const byName = new Map<string, DeliveredPicture>();
  for (const picture of buildStory(doc, options).pictures) {
    byName.set(picture.file.fileName, { assetId: picture.assetId, fileName: picture.file.fileName });
  }
  return [...byName.values()];
}

export function runExport(doc: Interview, request: ExportRequest): ExportOutcome {
  const result = preflight(doc, {
    format: request.format,
    availableAssets: new Set(Object.keys(request.options.pictures ?? {})),
    unresolvedSuggestions: request.unresolvedSuggestions,
    textChecks: request.textChecks,
  });
  if (!mayExport(result, request.acceptWarnings ?? false)) return { ok: false, preflight: result };
  const format = FORMAT_INFO[request.format];
  // The format and its list of pictures read the same story: it is built once.
  return withOneStory(() => ({
    ok: true,
    preflight: result,
    format,
    content: renderExport(doc, request),
    // 7901 cannot carry pictures; the other formats refer to the files by name.
    pictures: request.format === 'iptc7901' ? [] : picturesToDeliver(doc, request.options),
  }));
}
