/**
 * One entry point for the backend and the CLI: the view the format exports, preflight, then the
 * export, then the list of picture files to deliver with it. Preflight runs before every export,
 * so a story with errors (or with warnings the user did not accept) never produces a file.
 *
 * Every format of the registry (formats.ts) goes through here, agency text and the document's
 * JSON included, so none of them skips the view or the checks its registry entry names.
 *
 * Delivery (writing a temporary file and renaming it into the drop folder, copying the picture
 * bytes from the asset store) is the caller's: this stays pure.
 */
import type { Interview } from '../model/schema';
import { acceptedView, pendingCount } from '../review';
import { exportAgencyText } from './agency-text';
import { exportDocx } from './docx';
import { FORMATS, type FormatId, type FormatSpec } from './formats';
import { exportHtml } from './html';
import { exportIptc7901, type Iptc7901Settings } from './iptc7901';
import { exportNewsmlG2 } from './newsml-g2';
import { exportNinjs22, exportNinjs31 } from './ninjs';
import { exportNinjsSuperdesk } from './ninjs-superdesk';
import { exportNitf, exportNitfNoNamespace } from './nitf';
import type { DocumentCheckOptions } from '../vietnamese/document-check';
import type { ExportOptions } from './options';
import { mayExport, preflight, type DestinationChecks, type PreflightResult } from './preflight';
import { buildStory, withOneStory } from './story';
import { exportSrt } from './subtitles/srt';
import { exportWebVtt } from './subtitles/webvtt';

export interface ExportRequest {
  format: FormatId;
  options: ExportOptions;
  /** true: export despite warnings; a set: the keys of the warnings the user accepted. */
  acceptWarnings?: boolean | ReadonlySet<string>;
  /** Tracked changes still pending (from the review feature); any blocks a format of the accepted view. */
  unresolvedSuggestions?: number;
  /** House-style text checks (tone marks; spelling when dictionaries are given), as warnings. */
  textChecks?: DocumentCheckOptions;
  /** Sending to a newsroom destination: the checks its profile adds (profile.ts). */
  destination?: DestinationChecks;
  iptc7901?: Iptc7901Settings;
}

export interface DeliveredPicture {
  assetId: string;
  fileName: string;
  /** The folder it goes to, relative to the main file: '' or `pictures/` (options.pictureFolder). */
  folder: string;
}

export type ExportOutcome =
  | { ok: true; preflight: PreflightResult; format: FormatSpec; content: string | Uint8Array; pictures: DeliveredPicture[] }
  | { ok: false; preflight: PreflightResult };

/**
 * The document as a format exports it (formats.ts, `view`), and the suggestions that stand in
 * the way: the accepted view does not exist while any is pending.
 */
export function exportView(stored: Interview, format: FormatId): { doc: Interview; pending: number } {
  // A review copy carries the suggestions as they are: none of them stands in its way.
  if (FORMATS[format].view !== 'accepted') return { doc: stored, pending: 0 };
  return { doc: acceptedView(stored), pending: pendingCount(stored) };
}

/**
 * The export alone, without preflight: only for a caller that has shown the findings and was told
 * to go ahead regardless (the CLI's `convert --force`). A photo without an image is then exported
 * with its caption and credit but no picture file.
 */
export function renderExport(doc: Interview, request: ExportRequest): string | Uint8Array {
  const { options } = request;
  switch (request.format) {
    case 'agency-text':
      return exportAgencyText(doc);
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
    case 'ninjs-superdesk':
      return exportNinjsSuperdesk(doc, options);
    case 'iptc7901':
      return exportIptc7901(doc, options, request.iptc7901);
    case 'html':
      return exportHtml(doc, options);
    case 'docx':
      return exportDocx(doc, options, 'review');
    case 'docx-clean':
      return exportDocx(doc, options, 'clean');
    case 'webvtt':
      return exportWebVtt(doc);
    case 'srt':
      return exportSrt(doc);
    case 'json':
      return `${JSON.stringify(doc, null, 2)}\n`;
  }
}

/** The picture files an export refers to, once each (one image may be used twice). */
export function picturesToDeliver(doc: Interview, options: ExportOptions): DeliveredPicture[] {
  const byName = new Map<string, DeliveredPicture>();
  const folder = options.pictureFolder ?? '';
  for (const picture of buildStory(doc, options).pictures) {
    byName.set(picture.file.fileName, { assetId: picture.assetId, fileName: picture.file.fileName, folder });
  }
  return [...byName.values()];
}

/** `doc` is the document in the format's view (exportView); pending suggestions are counted on the stored one. */
export function runExport(doc: Interview, request: ExportRequest): ExportOutcome {
  const format = FORMATS[request.format];
  const result = preflight(doc, {
    format: request.format,
    availableAssets: new Set(Object.keys(request.options.pictures ?? {})),
    unresolvedSuggestions: request.unresolvedSuggestions,
    textChecks: request.textChecks,
    destination: request.destination,
  });
  if (!mayExport(result, request.acceptWarnings ?? false)) return { ok: false, preflight: result };
  // The format and its list of pictures read the same story: it is built once.
  return withOneStory(() => ({
    ok: true,
    preflight: result,
    format,
    content: renderExport(doc, request),
    pictures: format.pictures ? picturesToDeliver(doc, request.options) : [],
  }));
}
