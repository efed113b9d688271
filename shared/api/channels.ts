/**
 * The closed set of API channels. Kept free of zod so the sandboxed preload can bundle it
 * alone; `contract.ts` attaches a schema to each name and a test checks the two agree.
 */
export const CHANNELS = [
  'library.list',
  'library.search',
  'document.create',
  'document.createFrom',
  'document.load',
  'document.save',
  'document.saveChanges',
  'document.export',
  'asset.put',
  'settings.get',
  'settings.saveDestinations',
  'newsroom.send',
  'newsroom.log',
  'document.duplicate',
  'trash.list',
  'trash.put',
  'trash.restore',
  'trash.deleteForever',
  'history.list',
  'history.get',
  'history.name',
  'history.restore',
  'history.markMode',
  'exchange.save',
  'exchange.open',
  'library.health',
  'backup.list',
  'backup.restore',
  'profile.get',
  'profile.save',
  'spelling.get',
  'spelling.save',
  'ui.get',
  'ui.save',
  'player.get',
  'player.save',
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
