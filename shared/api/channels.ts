/**
 * The closed set of API channels. Kept free of zod so the sandboxed preload can bundle it
 * alone; `contract.ts` attaches a schema to each name and a test checks the two agree.
 */
export const CHANNELS = ['library.list', 'document.create', 'document.load', 'document.save', 'asset.put'] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
