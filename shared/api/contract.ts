/**
 * The API contract: for each channel, the zod schema of its input and of its output. The Electron
 * main process, the web host and the tests all dispatch through these schemas; the renderer
 * calls the same channels through `window.api` (see client.ts).
 */
import { z } from 'zod';
import { interviewSchema, languageSchema, statusSchema } from '../model/schema';
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
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export type LoadedDocument = z.infer<typeof loadedDocument>;

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never;
type MethodOf<C extends string, G extends string> = C extends `${G}.${infer M}` ? M : never;

/** `window.api`: one named function per channel, grouped by the part before the dot. */
export type Api = {
  [G in GroupOf<Channel>]: {
    [M in MethodOf<Channel, G>]: (input: InputOf<Extract<`${G}.${M}`, Channel>>) => Promise<Result<OutputOf<Extract<`${G}.${M}`, Channel>>>>;
  };
};
