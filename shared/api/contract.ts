/**
 * The API contract: for each channel, the zod schema of its input and of its output. The Electron
 * main process, the web host and the tests all dispatch through these schemas; the renderer
 * calls the same channels through `window.api` (see client.ts).
 */
import { z } from 'zod';
import { interviewSchema, languageSchema, statusSchema } from '../model/schema';
import { IMAGE_MIMES } from '../media/image-info';
import type { Channel } from './channels';
import type { Result } from './result';

const docId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const isoTime = z.iso.datetime({ offset: true });

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

const loadedDocument = z.object({ doc: interviewSchema, revision: z.number().int().nonnegative(), updatedAt: isoTime });

export const contract = {
  'library.list': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(documentSummarySchema) }),
  },
  'document.create': {
    input: z.object({ language: languageSchema }).strict(),
    output: loadedDocument,
  },
  'document.load': {
    input: z.object({ id: docId }).strict(),
    output: loadedDocument,
  },
  'document.save': {
    // The document is checked against its schema by the handler, so that a bad document is
    // reported as `invalid_document` with readable problems rather than as a bad payload.
    input: z.object({ id: docId, baseRevision: z.number().int().nonnegative(), doc: z.unknown() }).strict(),
    output: z.object({ revision: z.number().int().positive(), savedAt: isoTime }),
  },
  'asset.put': {
    // An image as base64 (IPC and HTTP both carry JSON). Its size, encoding and type are checked
    // by the handler, so a refused image gets a message that says why (too large, SVG, not an
    // image) rather than a schema problem.
    input: z.object({ data: z.string() }).strict(),
    output: storedAssetSchema,
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export type LoadedDocument = z.infer<typeof loadedDocument>;
export type StoredAsset = z.infer<typeof storedAssetSchema>;

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never;
type MethodOf<C extends string, G extends string> = C extends `${G}.${infer M}` ? M : never;

/** `window.api`: one named function per channel, grouped by the part before the dot. */
export type Api = {
  [G in GroupOf<Channel>]: {
    [M in MethodOf<Channel, G>]: (input: InputOf<Extract<`${G}.${M}`, Channel>>) => Promise<Result<OutputOf<Extract<`${G}.${M}`, Channel>>>>;
  };
};
