/**
 * The API contract: for each channel, the zod schema of its input and of its output. The Electron
 * main process, the web host and the tests all dispatch through these schemas; the renderer
 * calls the same channels through `window.api` (see client.ts).
 */
import { z } from 'zod';
import { EDITING_MODES } from '../desktop-commands';
import { DESTINATION_FORMATS, FORMAT_IDS } from '../export/formats';
import { isPictureBaseUrl, PICTURE_LAYOUTS, PLAIN_EXPORT } from '../export/profile';
import { RECEIVERS } from '../export/receivers';
import { SUBJECT_CODE } from '../export/subjects';
import { repairSchema } from '../model/repair';
import { interviewSchema, languageSchema, statusSchema } from '../model/schema';
import { IMAGE_MIMES } from '../media/image-info';
import type { Channel } from './channels';
import { profileSchema } from './profile';
import { spellingSettingsSchema } from './spelling-settings';
import { uiSettingsSchema } from './ui-settings';
import { playerSettingsSchema } from './player-settings';
import type { Result } from './result';

const docId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const isoTime = z.iso.datetime({ offset: true });
/**
 * The id an editor gives one save (a random UUID): sent again with the same content when the answer
 * was lost, it is recognised as the same save (electron/backend/documents.ts, storedSave).
 */
const saveId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
/** A save that was stored: its revision, and, when it was kept beside a version saved elsewhere (`onConflict: 'keep'`), that version. */
const savedRevision = z.object({ revision: z.number().int().positive(), savedAt: isoTime, kept: z.object({ other: z.number().int().positive() }).optional() });

export const documentSummarySchema = z.object({
  id: docId,
  headline: z.string(),
  section: z.string(),
  status: statusSchema,
  language: languageSchema,
  participants: z.array(z.string()),
  revision: z.number().int().nonnegative(),
  updatedAt: isoTime,
});

/** An image in the library's asset store; documents refer to it by `id`, its sha-256. */
export const storedAssetSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  mime: z.enum(IMAGE_MIMES),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  byteLength: z.number().int().positive(),
});

/** Search hits shown at first (the best 20, as a search page shows), and the most one request returns. */
export const SEARCH_PAGE = 20;
export const SEARCH_MAX = 200;

export const searchHitSchema = z.object({
  id: docId,
  headline: z.string(),
  section: z.string(),
  status: statusSchema,
  updatedAt: isoTime,
  /** An excerpt of the original text; highlights are [start, end) offsets into it. */
  snippet: z.object({ text: z.string(), highlights: z.array(z.tuple([z.number().int(), z.number().int()])) }),
});

const loadedDocument = z.object({
  doc: interviewSchema,
  revision: z.number().int().nonnegative(),
  updatedAt: isoTime,
  /** Damaged review data dropped so the stored document could be opened (`path: problem` lines). */
  repaired: z.array(z.string()).optional(),
  /**
   * What opening changed so that a stored document breaking a limit could be opened
   * (shared/model/repair.ts); the document as it was stored is revision `repairedFrom`, kept in its history.
   */
  repairs: z.array(repairSchema).optional(),
  repairedFrom: z.number().int().positive().optional(),
});

const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  path: z.array(z.number()).nullable(),
  field: z.string().nullable(),
  key: z.string(),
});
export const preflightSchema = z.object({ errors: z.array(findingSchema), warnings: z.array(findingSchema) });
/** Any format of the export registry (shared/export/formats.ts). */
export const exportFormatSchema = z.enum(FORMAT_IDS);
/** Keys of the preflight warnings the user chose to override (Finding.key). */
const acceptWarnings = z.array(z.string().max(300)).max(1000);

export const exportedFileSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  /** Text formats travel as UTF-8 text; byte formats (IPTC 7901) as base64. */
  encoding: z.enum(['utf8', 'base64']),
  data: z.string(),
  /** Picture files to deliver with the main file, read from `asset/<assetId>`; `folder` is relative to it ('' or `pictures/`). */
  pictures: z.array(z.object({ assetId: z.string(), fileName: z.string(), folder: z.string().optional() })),
});

/** One row of a destination's section → IPTC subject code table (shared/export/subjects.ts). */
export const subjectRowSchema = z.object({ section: z.string().min(1).max(200), code: z.string().regex(SUBJECT_CODE) }).strict();

/**
 * A newsroom destination: a drop folder the ingest system polls for files in one format, and the
 * profile of how it wants them (shared/export/profile.ts). A profile field left out means what
 * destinations did before profiles existed (a generic receiver, pictures beside the story), so a
 * destination stored then, or saved by an older client, is delivered as it always was; the UI and
 * the CLI fill every field of a new one (NEW_PROFILE: Superdesk, pictures in `pictures/`).
 */
export const destinationSchema = z
  .object({
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
    name: z.string().min(1).max(200),
    format: z.enum(DESTINATION_FORMATS),
    folder: z.string().min(1).max(4096),
    receiver: z.enum(RECEIVERS).default(PLAIN_EXPORT.receiver),
    pictureLayout: z.enum(PICTURE_LAYOUTS).default(PLAIN_EXPORT.pictureLayout),
    /** The http(s) address the picture files can be fetched from, or null. */
    pictureBaseUrl: z.string().max(2000).refine(isPictureBaseUrl, 'must be an http:// or https:// address').nullable().default(null),
    sapoInBody: z.boolean().default(PLAIN_EXPORT.sapoInBody),
    subjects: z
      .array(subjectRowSchema)
      .max(500)
      .default(() => PLAIN_EXPORT.subjects.map((row) => ({ ...row }))),
  })
  .strict();

export const deliverySchema = z.object({
  at: isoTime,
  documentId: z.string(),
  headline: z.string(),
  destination: z.string(),
  format: exportFormatSchema,
  ok: z.boolean(),
  message: z.string(),
  files: z.array(z.string()),
});

/** Why a revision was written; see electron/backend/documents.ts (RevisionKind). */
/** `mode`: the state when the editing mode changed (note `from→to`, e.g. `editing→suggesting`). */
/** `merged`: a returned review file merged with the work done since it was sent (note: mergeNoteSchema). */
/** `repair`: a stored document repaired on opening (shared/model/repair.ts); the revision before it is the document as stored. */
/** `conflict`: an editor's text kept beside the version saved elsewhere meanwhile (note: that revision), see document.save. */
export const revisionKindSchema = z.enum(['auto', 'import', 'export', 'sent', 'received', 'restore', 'duplicate', 'mode', 'merged', 'repair', 'conflict']);

/** The note of a `merged` revision, as JSON: who sent the file, since when our work was merged, the file. */
export const mergeNoteSchema = z.object({ from: z.string(), since: isoTime, file: z.string() }).strict();
export type MergeNote = z.infer<typeof mergeNoteSchema>;

export const historyEntrySchema = z.object({
  revision: z.number().int().positive(),
  savedAt: isoTime,
  kind: revisionKindSchema,
  /** Given by the user; empty for an unnamed version. */
  name: z.string(),
  /** The event's detail: an export format, a review file's name, the revision a restore came from. */
  note: z.string(),
  /** Who wrote it: the local profile's display name then; empty when unknown (older versions, a review file's state). */
  author: z.string(),
  /**
   * When the work it holds began: autosaves of one working burst are one version (electron/backend/
   * revision-bursts.ts), saved at `savedAt` and begun at `startedAt`; equal to `savedAt` otherwise.
   */
  startedAt: isoTime,
});

const editingModeSchema = z.enum(EDITING_MODES);

const loadedVersion = historyEntrySchema.extend({ doc: interviewSchema });

/** Review files (.interview) travel as base64 in both directions; this caps their size. */
export const MAX_EXCHANGE_FILE_BYTES = 48 * 1024 * 1024;

const exchangeSaved = z.object({ fileName: z.string(), data: z.string(), byteLength: z.number().int().positive(), revision: z.number().int().positive() });

const exchangeOpened = z.object({
  /**
   * created: a new interview; merged: a returned file merged with the work done since it was sent
   * (its changes are pending suggestions); copied: a file that could not be merged, added as a new
   * interview on request; updated: a new revision with the file's state (older versions only);
   * not_merged: a known interview whose file names no version this library has (nothing changed:
   * it can be opened as a copy); unchanged: the file holds the version that was sent, nothing new;
   * same_as_current, already_opened: nothing changed.
   */
  outcome: z.enum(['created', 'merged', 'copied', 'updated', 'not_merged', 'unchanged', 'same_as_current', 'already_opened']),
  id: docId,
  headline: z.string(),
  /** The revision that holds the file's state (for `merged`, the merge). */
  revision: z.number().int().positive(),
  /** For `merged` and `updated`: the revision that was current before, to compare with. */
  previousRevision: z.number().int().positive().nullable(),
  /** When the file was opened (for `already_opened`, the first time). */
  openedAt: isoTime,
  /** For `merged`: the pending suggestions and the conflicts the file became. */
  suggestions: z.number().int().nonnegative().optional(),
  conflicts: z.number().int().nonnegative().optional(),
});

export const backupFileSchema = z.object({
  name: z.string(),
  at: isoTime,
  bytes: z.number().int().nonnegative(),
  /** rotating: the regular backups; pre-migration: the copy made before a format upgrade. */
  kind: z.enum(['rotating', 'pre-migration']),
});

const versionRef = { id: docId, revision: z.number().int().positive() };

export const contract = {
  'library.list': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(documentSummarySchema) }),
  },
  'library.search': {
    // `limit`: SEARCH_PAGE by default; the library shows that many and offers more.
    input: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(SEARCH_MAX).optional() }).strict(),
    output: z.object({ hits: z.array(searchHitSchema) }),
  },
  'document.create': {
    input: z.object({ language: languageSchema }).strict(),
    output: loadedDocument,
  },
  'document.createFrom': {
    // An imported document (checked against the document schema by the handler); it gets a new id.
    input: z.object({ doc: z.unknown() }).strict(),
    output: loadedDocument,
  },
  'document.export': {
    input: z.object({ id: docId, format: exportFormatSchema, acceptWarnings }).strict(),
    output: z.object({ preflight: preflightSchema, file: exportedFileSchema.nullable() }),
  },
  'settings.get': {
    input: z.object({}).strict(),
    output: z.object({ destinations: z.array(destinationSchema) }),
  },
  'settings.saveDestinations': {
    input: z.object({ destinations: z.array(destinationSchema).max(50) }).strict(),
    output: z.object({ destinations: z.array(destinationSchema) }),
  },
  'newsroom.send': {
    input: z.object({ id: docId, destinationId: z.string().min(1).max(64), acceptWarnings }).strict(),
    output: z.object({ preflight: preflightSchema, delivery: deliverySchema.nullable() }),
  },
  'newsroom.log': {
    input: z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.object({ entries: z.array(deliverySchema) }),
  },
  'document.load': {
    input: z.object({ id: docId }).strict(),
    output: loadedDocument,
  },
  'document.save': {
    // The document is checked against its schema by the handler, so that a bad document is
    // reported as `invalid_document` with readable problems rather than as a bad payload.
    // `onConflict: 'keep'`: when the stored revision is no longer `baseRevision`, store this
    // document anyway, as a new revision on top (kind `conflict`), and answer which revision it was
    // kept beside: both versions stay, neither is overwritten (the autosaver's answer to a conflict).
    input: z.object({ id: docId, baseRevision: z.number().int().nonnegative(), doc: z.unknown(), saveId: saveId.optional(), onConflict: z.literal('keep').optional() }).strict(),
    output: savedRevision,
  },
  'document.saveChanges': {
    // An autosave of what changed since `baseRevision` (electron/backend/document-changes.ts):
    // the body's top-level blocks as splices of the base body (`baseLength` blocks; in order, not
    // overlapping; shared/api/document-changes.ts), and any
    // top-level field that changed, whole (null: `review`, `comments` or `recordings` is gone). The new blocks
    // and fields are checked by the handler, as in document.save. `stale`: the stored base is not the one the changes were made
    // against; nothing was stored, and the renderer sends the whole document instead.
    input: z
      .object({
        id: docId,
        baseRevision: z.number().int().nonnegative(),
        baseLength: z.number().int().nonnegative(),
        splices: z.array(z.object({ start: z.number().int().nonnegative(), deleteCount: z.number().int().nonnegative(), blocks: z.array(z.unknown()) }).strict()),
        fields: z.object({ meta: z.unknown(), participants: z.unknown(), review: z.unknown(), comments: z.unknown(), recordings: z.unknown() }).partial().strict(),
        saveId: saveId.optional(),
      })
      .strict(),
    output: z.union([savedRevision, z.object({ stale: z.literal(true) })]),
  },
  'asset.put': {
    // An image as base64 (IPC and HTTP both carry JSON). Its size, encoding and type are checked
    // by the handler, so a refused image gets a message that says why (too large, SVG, not an
    // image) rather than a schema problem.
    input: z.object({ data: z.string() }).strict(),
    output: storedAssetSchema,
  },
  'document.duplicate': {
    // `headline`: the copy's headline (the renderer names it in the user's language).
    input: z.object({ id: docId, headline: z.string().max(500).optional() }).strict(),
    output: loadedDocument,
  },
  'trash.list': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(documentSummarySchema.extend({ deletedAt: isoTime })) }),
  },
  'trash.put': {
    input: z.object({ id: docId }).strict(),
    output: z.object({ deletedAt: isoTime }),
  },
  'trash.restore': {
    input: z.object({ id: docId }).strict(),
    output: z.object({}),
  },
  'trash.deleteForever': {
    input: z.object({ id: docId }).strict(),
    output: z.object({}),
  },
  'history.list': {
    input: z.object({ id: docId }).strict(),
    output: z.object({ current: z.number().int().positive(), versions: z.array(historyEntrySchema) }),
  },
  'history.get': {
    input: z.object(versionRef).strict(),
    output: loadedVersion,
  },
  'history.name': {
    input: z.object({ ...versionRef, name: z.string().max(200) }).strict(),
    output: historyEntrySchema,
  },
  'history.restore': {
    input: z.object(versionRef).strict(),
    // `replaced`: the revision that was current before, kept in the history (what "Undo restore" restores).
    output: z.object({ revision: z.number().int().positive(), savedAt: isoTime, replaced: z.number().int().positive() }),
  },
  'history.markMode': {
    // The renderer stores its pending edits first; the current revision becomes the snapshot.
    input: z.object({ id: docId, from: editingModeSchema, to: editingModeSchema }).strict(),
    output: historyEntrySchema,
  },
  'exchange.save': {
    // `recordings`: carry the interview's recordings in the file (`include`), leave them out
    // (`omit`), or carry them when they fit (`auto`, the default): electron/backend/media/exchange-recordings.ts.
    input: z.object({ id: docId, recordings: z.enum(['auto', 'include', 'omit']).optional() }).strict(),
    output: exchangeSaved,
  },
  'exchange.open': {
    // The file as base64; its size and content are checked by the handler, which explains refusals.
    // `asCopy`: a file that cannot be merged (outcome `not_merged`) is added as a new interview.
    input: z.object({ fileName: z.string().min(1).max(255), data: z.string(), asCopy: z.boolean().optional() }).strict(),
    output: exchangeOpened,
  },
  'library.health': {
    input: z.object({}).strict(),
    output: z.object({ damaged: z.boolean(), message: z.string().nullable() }),
  },
  'backup.list': {
    input: z.object({}).strict(),
    output: z.object({ backups: z.array(backupFileSchema) }),
  },
  'backup.restore': {
    input: z.object({ name: z.string().min(1).max(255) }).strict(),
    output: z.object({}),
  },
  'profile.get': {
    input: z.object({}).strict(),
    output: z.object({ profile: profileSchema.nullable() }),
  },
  'profile.save': {
    input: z.object({ profile: profileSchema }).strict(),
    output: z.object({ profile: profileSchema }),
  },
  'spelling.get': {
    input: z.object({}).strict(),
    output: z.object({ settings: spellingSettingsSchema }),
  },
  'spelling.save': {
    // The whole value each time: the renderer sends its latest state, so the last save wins.
    input: z.object({ settings: spellingSettingsSchema }).strict(),
    output: z.object({ settings: spellingSettingsSchema }),
  },
  'ui.get': {
    input: z.object({}).strict(),
    output: z.object({ settings: uiSettingsSchema }),
  },
  'ui.save': {
    input: z.object({ settings: uiSettingsSchema }).strict(),
    output: z.object({ settings: uiSettingsSchema }),
  },
  // The recording player's steps, rewind and remapped keys (shared/api/player-settings.ts); the
  // whole value each time. A key map with a clash is refused with the reason (`invalid_input`).
  'player.get': {
    input: z.object({}).strict(),
    output: z.object({ settings: playerSettingsSchema }),
  },
  'player.save': {
    input: z.object({ settings: playerSettingsSchema }).strict(),
    output: z.object({ settings: playerSettingsSchema }),
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export type Destination = z.infer<typeof destinationSchema>;
/** A destination as the settings take it: the profile's fields may be left to their defaults. */
export type DestinationInput = z.input<typeof destinationSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type Delivery = z.infer<typeof deliverySchema>;
export type ExportedFile = z.infer<typeof exportedFileSchema>;
export type PreflightFindings = z.infer<typeof preflightSchema>;
export type LoadedDocument = z.infer<typeof loadedDocument>;
export type StoredAsset = z.infer<typeof storedAssetSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type LoadedVersion = z.infer<typeof loadedVersion>;
export type ExchangeSaved = z.infer<typeof exchangeSaved>;
export type ExchangeOpened = z.infer<typeof exchangeOpened>;
export type BackupFile = z.infer<typeof backupFileSchema>;

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never;
type MethodOf<C extends string, G extends string> = C extends `${G}.${infer M}` ? M : never;

/** `window.api`: one named function per channel, grouped by the part before the dot. */
export type Api = {
  [G in GroupOf<Channel>]: {
    [M in MethodOf<Channel, G>]: (input: InputOf<Extract<`${G}.${M}`, Channel>>) => Promise<Result<OutputOf<Extract<`${G}.${M}`, Channel>>>>;
  };
};
