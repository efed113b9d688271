/**
 * The interview document: one zod schema is the single source of truth for the shape that is
 * saved, loaded, sent over the API and handed to exporters. TypeScript types are inferred from it.
 *
 * Layout (see DESIGN.md §4): `meta`, `participants`, and a Slate `body` whose top-level blocks are
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
} as const;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, - and _');
const shortText = z.string().max(LIMITS.shortField);
const longText = z.string().max(LIMITS.longField);

export const textLeafSchema = z
  .object({
    text: z.string().max(LIMITS.paragraphText),
    bold: z.literal(true).optional(),
    italic: z.literal(true).optional(),
  })
  .strict();

export const paragraphSchema = z
  .object({
    type: z.literal('paragraph'),
    children: z.array(textLeafSchema).min(1).max(LIMITS.leavesPerParagraph),
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

export const interviewSchema = z
  .object({
    format: z.literal(DOCUMENT_FORMAT),
    id,
    meta: metaSchema,
    participants: z.array(participantSchema).max(LIMITS.participants),
    body: z.array(blockSchema).min(1).max(LIMITS.bodyBlocks),
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
export type Photo = z.infer<typeof photoSchema>;
export type Turn = z.infer<typeof turnSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Participant = z.infer<typeof participantSchema>;
export type ParticipantRole = z.infer<typeof participantRoleSchema>;
export type Language = z.infer<typeof languageSchema>;
export type Status = z.infer<typeof statusSchema>;
export type Meta = z.infer<typeof metaSchema>;
export type Interview = z.infer<typeof interviewSchema>;
