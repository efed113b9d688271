/**
 * What every wire export needs besides the document itself.
 *
 * Exports are deterministic: the same document and options give the same bytes. So no exporter
 * reads the clock or invents an id; times, the version and the picture files come from here, and
 * the caller fills them from stored data:
 *
 * | option           | backend source                                  | used as                                   |
 * |------------------|-------------------------------------------------|-------------------------------------------|
 * | `firstCreated`   | `document.created_at`                           | G2 firstCreated/contentCreated, ninjs firstCreated, the date in every id |
 * | `versionCreated` | `document.updated_at` (the saved state exported) | G2 versionCreated and header/sent, NITF date.issue, ninjs versionCreated, 7901 post-text time |
 * | `version`        | `document.revision`                             | G2 @version, ninjs version, 7901 message number |
 * | `pictures`       | the `asset` table (mime, width, height, byte_length) + a file name | picture files delivered next to the export |
 * | `baseUri`        | where the picture files are, as an absolute URI  | ninjs hrefs (ninjs needs absolute URIs)   |
 * | `authority`      | the provider's domain (settings)                | `urn:newsml:{authority}:…` ids            |
 * | `pictureBytes`   | the `asset` table's bytes, for a format that embeds its pictures (formats.ts `embedsPictures`) | Word's inline pictures |
 * | `receiver`, `pictureFolder`, `absolutePictureRefs`, `subjects`, `sapoInBody` | the destination profile (profile.ts) | see each option |
 *
 * The document model has no timestamps of its own: until it does,
 * these come from the database row, never from `new Date()` at export time.
 */

import type { Receiver } from './receivers';
import { SUBJECT_CODE, type Subject } from './subjects';

/** A picture delivered as a file with the export (NITF, NewsML-G2, HTML refer to it by path) or at `baseUri` (ninjs). */
export interface PictureFile {
  /** A plain file name: letters, digits, `.`, `_`, `-`; no folders. See pictureFileName(). */
  fileName: string;
  mime: string;
  width: number;
  height: number;
  byteLength: number;
}

export interface ExportOptions {
  /** When the story was first created: ISO 8601 with `Z` or an offset. */
  firstCreated: string;
  /** When this version was saved: ISO 8601 with `Z` or an offset. */
  versionCreated: string;
  /** Version number of what is exported, a positive integer (the stored revision). */
  version: number;
  /** The provider's domain, the naming authority in ids. Default DEFAULT_AUTHORITY. */
  authority?: string;
  /** Absolute URI of the folder the picture files are delivered to, ending in `/`. */
  baseUri?: string;
  /** Picture files by asset id (sha-256). A photo whose asset is not here is exported without an image. */
  pictures?: Readonly<Record<string, PictureFile>>;
  /**
   * The images themselves, by asset id, for a format that carries them inside the file (Word). A
   * photo whose bytes are not here is exported with its caption and credit only.
   */
  pictureBytes?: Readonly<Record<string, Uint8Array>>;
  /** Who ingests the file (receivers.ts). Default `generic`. */
  receiver?: Receiver;
  /** The picture files' folder relative to the main file: `''` (beside it, the default) or `pictures/`. */
  pictureFolder?: string;
  /** Refer to pictures by `baseUri` in every format, not by relative path (a destination with a picture base URL). */
  absolutePictureRefs?: boolean;
  /** The story's IPTC subjects (subjects.ts: from its section). Default none. */
  subjects?: readonly Subject[];
  /**
   * Where a format has no sapo field the receiver reads (7901; NewsML-G2 for Superdesk), the
   * sapo opens the body as its first paragraph. Default true.
   */
  sapoInBody?: boolean;
}

/**
 * The naming authority when none is configured. `.invalid` is reserved (RFC 2606): ids stay
 * well-formed and unique per document, and visibly say that no provider domain was set.
 */
export const DEFAULT_AUTHORITY = 'interview-desk.invalid';

/** Options checked and brought to one form: times in UTC with whole seconds. */
export interface ResolvedOptions {
  firstCreated: string;
  versionCreated: string;
  version: number;
  authority: string;
  baseUri: string | null;
  pictures: Readonly<Record<string, PictureFile>>;
  receiver: Receiver;
  pictureFolder: string;
  absolutePictureRefs: boolean;
  subjects: readonly Subject[];
  sapoInBody: boolean;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
// An absolute URI with no characters that would need escaping; ids and hrefs are appended to it.
const BASE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*\/$/;
export const PICTURE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
/** The folders pictures may be delivered to, relative to the main file. */
export const PICTURE_FOLDERS = ['', 'pictures/'] as const;

/**
 * An ISO 8601 time as UTC with whole seconds, `2024-05-10T02:00:00Z`: the one form every format
 * accepts, and the only one Superdesk's ninjs parser does.
 */
export function utcSeconds(iso: string): string {
  const ms = ISO_DATE_TIME.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 date-time with a time zone: ${JSON.stringify(iso)}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Check the options once, so each format can trust them. Throws RangeError on a caller's mistake. */
export function resolveOptions(options: ExportOptions): ResolvedOptions {
  const { version } = options;
  if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`version must be a positive integer, got ${version}`);
  const authority = options.authority ?? DEFAULT_AUTHORITY;
  if (!DOMAIN.test(authority)) throw new RangeError(`authority must be a domain name, got ${JSON.stringify(authority)}`);
  const baseUri = options.baseUri ?? null;
  if (baseUri !== null && !BASE_URI.test(baseUri)) {
    throw new RangeError(`baseUri must be an absolute URI ending in "/", with special characters percent-encoded: ${JSON.stringify(baseUri)}`);
  }
  const pictures = options.pictures ?? {};
  for (const [assetId, file] of Object.entries(pictures)) {
    if (!PICTURE_FILE_NAME.test(file.fileName) || file.fileName.includes('..')) {
      throw new RangeError(`picture ${assetId}: ${JSON.stringify(file.fileName)} is not a plain file name`);
    }
    for (const n of [file.width, file.height, file.byteLength]) {
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`picture ${assetId}: sizes must be non-negative integers`);
    }
  }
  const pictureFolder = options.pictureFolder ?? '';
  if (!(PICTURE_FOLDERS as readonly string[]).includes(pictureFolder)) throw new RangeError(`pictureFolder must be one of ${JSON.stringify(PICTURE_FOLDERS)}, got ${JSON.stringify(pictureFolder)}`);
  const subjects = options.subjects ?? [];
  for (const s of subjects) if (!SUBJECT_CODE.test(s.code)) throw new RangeError(`a subject code has 8 digits, got ${JSON.stringify(s.code)}`);
  return {
    firstCreated: utcSeconds(options.firstCreated),
    versionCreated: utcSeconds(options.versionCreated),
    version,
    authority,
    baseUri,
    pictures,
    receiver: options.receiver ?? 'generic',
    pictureFolder,
    absolutePictureRefs: (options.absolutePictureRefs ?? false) && baseUri !== null,
    subjects,
    sapoInBody: options.sapoInBody ?? true,
  };
}

const EXTENSION: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

/** A file name for a stored image: its content hash, so the same image is one file however often it is used. */
export function pictureFileName(assetId: string, mime: string): string {
  return `${assetId}.${EXTENSION[mime] ?? 'bin'}`;
}
