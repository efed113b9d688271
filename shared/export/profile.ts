/**
 * Destination profiles: how a newsroom destination wants its files, beyond the format.
 *
 * A destination (settings; shared/api/contract.ts) is a named profile: folder and format, plus
 * the fields here — which system receives the files, where the pictures go, the address they
 * are fetched from, whether the sapo opens the body, and the section → subject table. A send
 * turns the profile into export options (profileOptions) and preflight checks
 * (profileChecks); the Export dialog and a plain `interview-desk export` use PLAIN_EXPORT.
 *
 * Pictures go into a `pictures/` sub-folder by default: Superdesk's file feed parses every plain
 * file in the folder it polls, and a picture there raises a parser error that stops the whole
 * poll. `same-folder` is for receivers that want them beside the story (and is how destinations
 * saved before profiles existed keep working).
 */
import { FORMATS, receiverReads, type FormatId } from './formats';
import type { ExportOptions } from './options';
import type { DestinationChecks } from './preflight';
import type { Receiver } from './receivers';
import { DEFAULT_SUBJECT_TABLE, subjectOf, type SubjectTable } from './subjects';

export const PICTURE_LAYOUTS = ['subfolder', 'same-folder'] as const;
export type PictureLayout = (typeof PICTURE_LAYOUTS)[number];

/** The sub-folder's name, and its path prefix as the exports write it. */
export const PICTURES_SUBFOLDER = 'pictures';

export interface ExportProfile {
  receiver: Receiver;
  pictureLayout: PictureLayout;
  /**
   * The http(s) address at which the destination's picture files can be fetched (the folder
   * holding them, ending in `/`), or null. With it, every format refers to pictures by absolute
   * address; Superdesk fetches picture bytes from nowhere else.
   */
  pictureBaseUrl: string | null;
  /** Where a format has no sapo field the receiver reads, the sapo opens the body. */
  sapoInBody: boolean;
  subjects: SubjectTable;
}

/** What a new destination starts with (the UI and the CLI fill the rest). */
export const NEW_PROFILE: ExportProfile = {
  receiver: 'superdesk',
  pictureLayout: 'subfolder',
  pictureBaseUrl: null,
  sapoInBody: true,
  subjects: DEFAULT_SUBJECT_TABLE,
};

/**
 * An export that is not a delivery (the Export dialog, `interview-desk export` without a profile):
 * pictures beside the file, as it is saved. Also what a destination's missing profile fields mean
 * (one stored before profiles existed): that is how those were delivered.
 */
export const PLAIN_EXPORT: ExportProfile = { ...NEW_PROFILE, receiver: 'generic', pictureLayout: 'same-folder' };

// An absolute http(s) URL with no characters that would need escaping (as options.ts requires of a base URI).
const HTTP_URL = /^https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;

/** The picture base URL as the exports use it (ending in `/`), or null when it is not an http(s) URL. */
export function normalizedBaseUrl(url: string | null): string | null {
  const trimmed = url?.trim() ?? '';
  if (!HTTP_URL.test(trimmed)) return null;
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

export const isPictureBaseUrl = (url: string): boolean => normalizedBaseUrl(url) !== null;

/** The pictures' folder relative to the main file. */
export const pictureFolderOf = (profile: ExportProfile): string => (profile.pictureLayout === 'subfolder' ? `${PICTURES_SUBFOLDER}/` : '');

/**
 * The receiver a format is shaped for: the profile's, unless the format is one that only another
 * system reads (Superdesk ninjs from the Export dialog is still Superdesk's dialect, whole).
 */
export function receiverOf(profile: ExportProfile, format: FormatId): Receiver {
  const { readBy } = FORMATS[format];
  return receiverReads(profile.receiver, format) || readBy.length !== 1 ? profile.receiver : readBy[0]!;
}

export interface ProfileTarget {
  format: FormatId;
  /** The story's section, looked up in the profile's table. */
  section: string;
  /**
   * The absolute URI of the folder the main file goes to, if known (a `file:` URI of a drop
   * folder): IPTC ninjs needs an absolute address even without a picture base URL.
   */
  folderUri?: string;
}

/** Export options for a profile, a format and a story. */
export function profileOptions(profile: ExportProfile, { format, section, folderUri }: ProfileTarget): Partial<ExportOptions> {
  const base = normalizedBaseUrl(profile.pictureBaseUrl);
  const pictureFolder = pictureFolderOf(profile);
  const subject = subjectOf(section, profile.subjects);
  const baseUri = base ?? (folderUri === undefined ? undefined : folderUri + pictureFolder);
  return {
    receiver: receiverOf(profile, format),
    pictureFolder,
    ...(baseUri === undefined ? {} : { baseUri }),
    absolutePictureRefs: base !== null,
    subjects: subject === null ? [] : [subject],
    sapoInBody: profile.sapoInBody,
  };
}

/** The preflight checks a destination adds. */
export function profileChecks(profile: ExportProfile): DestinationChecks {
  return { receiver: profile.receiver, subjects: profile.subjects, picturesOverHttp: normalizedBaseUrl(profile.pictureBaseUrl) !== null };
}
