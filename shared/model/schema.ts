/**
 * The interview document: one zod schema is the single source of truth for the shape that is
 * saved, loaded, sent over the API and handed to exporters. TypeScript types are inferred from it.
 *
 * Layout (docs/ARCHITECTURE.md, "The document model"): `meta`, `participants`, and a Slate `body` whose top-level blocks are
 * intro/closing paragraphs (before the first / after the last turn), turns and photos. A turn holds
 * paragraphs and photos (a photo may sit inside an answer, as in the agency's layout).
 *
 * The schema is deliberately non-recursive, so a hostile payload cannot nest deeper than
 * body → turn → paragraph → text; sizes are capped to keep one request bounded.
 */
import { z } from 'zod';

export const DOCUMENT_FORMAT = 'interview-desk/1' as const;

export const LIMITS = {
  shortField: 500,
  longField: 5_000,
  paragraphText: 100_000,
  leavesPerParagraph: 2_000,
  blocksPerTurn: 2_000,
  bodyBlocks: 50_000,
  participants: 200,
  keywords: 100,
  /** Pending suggestions in one document (review state, see reviewSchema). */
  suggestions: 10_000,
  /** Pending changes stacked on one value (a speaker, a caption, a paragraph break, a metadata field). */
  changesPerValue: 100,
  /** Comment threads in one document, entries (first comment + replies) in one thread. */
  commentThreads: 2_000,
  commentsPerThread: 500,
  /** Threads anchored on one piece of text (overlapping comments). */
  threadsPerLeaf: 50,
  /** Recordings attached to one interview. */
  recordings: 20,
} as const;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, - and _');
const shortText = z.string().max(LIMITS.shortField);
const longText = z.string().max(LIMITS.longField);

/**
 * Tracked changes (suggestions) live in the tree, where the editor shows and edits them; who made
 * each one and when is in `review.suggestions`, keyed by this id. Every field below is optional, so
 * a document without suggestions is unchanged, and none is ever null (Slate node props must not be).
 * The schema checks shape only: whether marks and records agree is checked by shared/review/problems.ts,
 * so a damaged review state can be shown and discarded instead of refusing the whole document.
 * The algebra (accept, reject, views, recording edits as suggestions) is in shared/review/.
 */
const suggestionId = id;
/** Marks a node as a suggested insertion (`ins`) or removal (`del`, still shown until accepted). */
const insDel = { ins: suggestionId.optional(), del: suggestionId.optional() };

export const textLeafSchema = z
  .object({
    text: z.string().max(LIMITS.paragraphText),
    bold: z.literal(true).optional(),
    italic: z.literal(true).optional(),
    // Typed (`ins`) or struck-through (`del`) text. Different ids keep leaves apart in Slate.
    ...insDel,
    /**
     * The comment threads anchored on this text (ids into `comments`, sorted, no repeats). The
     * anchor is a mark, so it moves with the text through every edit and resolution, and text typed
     * inside it joins it; when all of its text is gone the thread is orphaned, not lost.
     */
    comments: z.array(id).min(1).max(LIMITS.threadsPerLeaf).optional(),
  })
  .strict();

/**
 * The break between a paragraph and the next paragraph of its container while it is under review.
 * The two sides are always separate paragraphs in the tree. `base` is how the break stands when every
 * pending change is rejected; `changes` are the pending ones, oldest first: `split` (Enter) puts a
 * break there, `join` (merging two paragraphs) takes it away.
 */
export const paragraphBreakSchema = z
  .object({
    base: z.enum(['break', 'joined']),
    changes: z
      .array(z.object({ id: suggestionId, op: z.enum(['split', 'join']) }).strict())
      .max(LIMITS.changesPerValue),
  })
  .strict();

/** A content hash (sha-256, lower-case hex): how an image or a recording is named in the library. */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha-256 hex digest');

/** The longest recording a time may point into: 24 hours, in milliseconds. */
export const MAX_MEDIA_MS = 24 * 60 * 60 * 1000;
const mediaMs = z.number().int().min(0).max(MAX_MEDIA_MS);

/**
 * Where a paragraph is heard in a recording: when it starts and, when known, when it ends (integer
 * milliseconds). `recording` names one of the document's `recordings`; absent, the time is in the
 * first one (or in a recording not attached yet, as after importing a machine transcript alone).
 * Times are the reporter's working aid: kept through edits, review, history and exchange files,
 * exported only as subtitles (WebVTT, SRT), never in the wire formats.
 */
export const mediaTimeSchema = z
  .object({
    startMs: mediaMs,
    endMs: mediaMs.optional(),
    recording: sha256.optional(),
  })
  .strict()
  .refine((t) => t.endMs === undefined || t.endMs >= t.startMs, { message: 'a time ends before it starts', path: ['endMs'] });

export const paragraphSchema = z
  .object({
    type: z.literal('paragraph'),
    children: z.array(textLeafSchema).min(1).max(LIMITS.leavesPerParagraph),
    breakAfter: paragraphBreakSchema.optional(),
    time: mediaTimeSchema.optional(),
  })
  .strict();

/**
 * A photo is a void block: its text lives in caption/credit/alt, its bytes in the asset store.
 * `assetId` is null for a photo whose image is not attached yet (imported or pasted text carries
 * captions and credits but no image): the editor shows a placeholder to attach the file.
 */
export const photoSchema = z
  .object({
    type: z.literal('photo'),
    assetId: z.string().regex(/^[0-9a-f]{64}$/, 'assetId is a sha-256 hex digest').nullable(),
    caption: longText,
    credit: shortText,
    alt: longText,
    children: z.tuple([z.object({ text: z.literal('') }).strict()]),
    // A moved photo is a removed one where it was (`del`) plus a copy where it went (`ins`), same id.
    ...insDel,
    /** Pending edits of caption, credit and alt text, oldest first, each with the value it replaced. */
    changes: z
      .array(z.object({ id: suggestionId, field: z.enum(['caption', 'credit', 'alt']), from: longText }).strict())
      .max(LIMITS.changesPerValue)
      .optional(),
  })
  .strict();

export const turnSchema = z
  .object({
    type: z.literal('turn'),
    speakerId: id,
    children: z
      .array(z.discriminatedUnion('type', [paragraphSchema, photoSchema]))
      .min(1)
      .max(LIMITS.blocksPerTurn),
    ...insDel,
    /** Pending changes of the speaker, oldest first, each with the speaker it replaced. */
    changes: z
      .array(z.object({ id: suggestionId, field: z.literal('speakerId'), from: id }).strict())
      .max(LIMITS.changesPerValue)
      .optional(),
  })
  .strict();

export const blockSchema = z.discriminatedUnion('type', [paragraphSchema, turnSchema, photoSchema]);

export const participantRoleSchema = z.enum(['interviewer', 'interviewee']);

export const participantSchema = z
  .object({
    id,
    /** What is printed before the turn: `Phóng viên`, `Ông Nguyễn Thanh Hải`, `Q`. */
    label: z.string().min(1).max(200),
    fullName: z.string().max(200),
    title: z.string().max(LIMITS.shortField),
    role: participantRoleSchema,
  })
  .strict();

export const languageSchema = z.enum(['vi', 'en']);
export const statusSchema = z.enum(['draft', 'in_review', 'approved', 'sent']);

export const metaSchema = z
  .object({
    section: shortText,
    headline: shortText,
    subheadline: shortText,
    location: shortText,
    sapo: longText,
    byline: shortText,
    source: shortText,
    language: languageSchema,
    slug: z.string().max(200),
    urgency: z.number().int().min(1).max(9),
    genre: z.literal('Interview'),
    /** ISO 8601 date-time with offset, or null when the story is not embargoed. */
    embargo: z.iso.datetime({ offset: true }).nullable(),
    editorialNote: longText,
    keywords: z.array(z.string().min(1).max(100)).max(LIMITS.keywords),
    status: statusSchema,
  })
  .strict();

/** What a suggestion did (the edit it records); shown in the Changes panel. */
export const suggestionKindSchema = z.enum([
  'insertText',
  'deleteText',
  'replaceText',
  'splitParagraph',
  'mergeParagraphs',
  'insertTurn',
  'removeTurn',
  'setSpeaker',
  'insertPhoto',
  'removePhoto',
  'movePhoto',
  'setPhotoText',
  'setMeta',
]);

/** Who suggested a change, and when. The change itself is in the tree (or `review.metaChanges`). */
export const suggestionSchema = z
  .object({
    id: suggestionId,
    kind: suggestionKindSchema,
    authorId: z.string().min(1).max(200),
    authorName: z.string().max(200),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .strict();

/** Metadata fields whose edits are tracked; workflow fields (status, language) are not content. */
export const trackedMetaFieldSchema = z.enum([
  'section',
  'headline',
  'subheadline',
  'location',
  'sapo',
  'byline',
  'source',
  'slug',
  'editorialNote',
  'keywords',
  'urgency',
  'embargo',
]);

/** A pending metadata edit with the value it replaced (`from` has the field's type; see problems.ts). */
export const metaChangeSchema = z
  .object({
    id: suggestionId,
    field: trackedMetaFieldSchema,
    from: z.union([z.string().max(LIMITS.longField), z.number(), z.null(), z.array(z.string().max(100)).max(LIMITS.keywords)]),
  })
  .strict();

/**
 * A place where a returned review file and this copy both changed the same thing (shared/merge/).
 * Nothing was chosen there: the returned version waits as the listed suggestions (accepting them
 * takes it, rejecting them keeps this copy's), and `base` keeps what the place held in the version
 * that was sent. A value the algebra does not track (a participant's name, the status) has no
 * suggestion: this copy's value stays and `theirs` holds the returned one until the user decides.
 * A conflict lives as long as one of its suggestions is pending (records.ts `withReview`), or,
 * without suggestions, until it is dismissed.
 */
export const mergeConflictSchema = z
  .object({
    id,
    kind: z.enum([
      // both changed the same words
      'text',
      // the returned version removes a block this copy changed (a pending removal)
      'removed',
      // this copy removed a block the returned version changed (put back as a pending insertion)
      'restored',
      // both moved the same photo or turn, to different places
      'moved',
      // both changed a tracked value (a metadata field, a speaker, a photo's caption, credit or alt)
      'value',
      // both changed a value no suggestion can carry (a participant's details, status, language)
      'detail',
      // returned text that could only be put near where it was (no paragraph to split there)
      'placement',
      // the returned version could not be merged at all: it is kept in the history, untouched
      'unmerged',
    ]),
    suggestions: z.array(suggestionId).max(LIMITS.suggestions),
    base: longText,
    theirs: longText.optional(),
    /** The value in question, for `value` and `detail` conflicts. */
    field: z
      .enum([...trackedMetaFieldSchema.options, 'status', 'language', 'speakerId', 'caption', 'credit', 'alt', 'label', 'fullName', 'title', 'role'])
      .optional(),
    /** The participant, for a `detail` conflict about one. */
    participantId: id.optional(),
    /** Who sent the returned version, and when it was merged. */
    authorId: z.string().min(1).max(200),
    authorName: z.string().max(200),
    at: z.iso.datetime({ offset: true }),
  })
  .strict();

/**
 * Review state: the records of pending suggestions, pending metadata edits (oldest first), and the
 * conflicts left by merging a returned review file (absent when there are none).
 * Records are a list, not a map, so their number is capped like every other list here; an id that
 * appears twice is a problem the app reports and discards (shared/review/problems.ts).
 */
export const reviewSchema = z
  .object({
    suggestions: z.array(suggestionSchema).max(LIMITS.suggestions),
    metaChanges: z.array(metaChangeSchema).max(LIMITS.suggestions),
    conflicts: z.array(mergeConflictSchema).max(LIMITS.suggestions).optional(),
  })
  .strict();

/** One comment in a thread: the opening one or a reply. */
export const commentSchema = z
  .object({
    id,
    authorId: z.string().min(1).max(200),
    authorName: z.string().max(200),
    createdAt: z.iso.datetime({ offset: true }),
    text: z.string().min(1).max(LIMITS.longField),
    /** When its author last changed the text (shown as "edited"); absent if never. */
    editedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

/**
 * A comment thread. Its anchor is the text whose leaves carry its id; `quote` is
 * that text as it was when the thread was opened, shown when the anchor is gone (orphaned).
 */
export const commentThreadSchema = z
  .object({
    id,
    quote: longText,
    comments: z.array(commentSchema).min(1).max(LIMITS.commentsPerThread),
    /** Who resolved the thread, and when; absent while it is open (reopening removes it). */
    resolved: z
      .object({ authorId: z.string().min(1).max(200), authorName: z.string().max(200), at: z.iso.datetime({ offset: true }) })
      .strict()
      .optional(),
  })
  .strict();

/**
 * A recording that belongs to the interview (an audio file, or a video for its sound). Its bytes are
 * a content-addressed file in the library folder, named by `id`; the document keeps what the reporter
 * needs to recognise it and to re-attach their copy when an exchange file came without it.
 */
export const recordingSchema = z
  .object({
    id: sha256,
    /** The file name it was attached from. */
    name: z.string().min(1).max(LIMITS.shortField),
    /** Its media type (`audio/mpeg`, `video/mp4`, …). */
    mime: z.string().min(1).max(100),
    bytes: z.number().int().min(0),
    durationMs: mediaMs.optional(),
  })
  .strict();

export const interviewSchema = z
  .object({
    format: z.literal(DOCUMENT_FORMAT),
    id,
    meta: metaSchema,
    participants: z.array(participantSchema).max(LIMITS.participants),
    body: z.array(blockSchema).min(1).max(LIMITS.bodyBlocks),
    /** Absent when nothing is pending. */
    review: reviewSchema.optional(),
    /** Comment threads, open and resolved; absent when there are none. Never exported. */
    comments: z.array(commentThreadSchema).max(LIMITS.commentThreads).optional(),
    /** The interview's recordings, in the order attached; absent when there are none. Never exported. */
    recordings: z.array(recordingSchema).max(LIMITS.recordings).optional(),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const ids = new Set<string>();
    doc.participants.forEach((p, i) => {
      if (ids.has(p.id)) {
        ctx.addIssue({ code: 'custom', path: ['participants', i, 'id'], message: `duplicate participant id ${p.id}` });
      }
      ids.add(p.id);
    });
    doc.body.forEach((block, i) => {
      if (block.type === 'turn' && !ids.has(block.speakerId)) {
        ctx.addIssue({ code: 'custom', path: ['body', i, 'speakerId'], message: `turn speaker ${block.speakerId} is not a participant` });
      }
    });
  });

export type TextLeaf = z.infer<typeof textLeafSchema>;
export type Paragraph = z.infer<typeof paragraphSchema>;
export type MediaTime = z.infer<typeof mediaTimeSchema>;
export type Recording = z.infer<typeof recordingSchema>;
export type Photo = z.infer<typeof photoSchema>;
export type Turn = z.infer<typeof turnSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Participant = z.infer<typeof participantSchema>;
export type ParticipantRole = z.infer<typeof participantRoleSchema>;
export type Language = z.infer<typeof languageSchema>;
export type Status = z.infer<typeof statusSchema>;
export type Meta = z.infer<typeof metaSchema>;
export type Interview = z.infer<typeof interviewSchema>;
export type ParagraphBreak = z.infer<typeof paragraphBreakSchema>;
export type SuggestionKind = z.infer<typeof suggestionKindSchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
export type TrackedMetaField = z.infer<typeof trackedMetaFieldSchema>;
export type MetaChange = z.infer<typeof metaChangeSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type MergeConflict = z.infer<typeof mergeConflictSchema>;
export type MergeConflictKind = MergeConflict['kind'];
export type Comment = z.infer<typeof commentSchema>;
export type CommentThread = z.infer<typeof commentThreadSchema>;
