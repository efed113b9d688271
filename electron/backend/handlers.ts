/**
 * The handler map: one plain function per API channel. Electron's ipcMain, the web host and
 * the tests all call these same functions through `dispatch`, which validates the input first.
 */
import type { Channel } from '../../shared/api/channels';
import type { InputOf, OutputOf } from '../../shared/api/contract';
import { putImageAsset } from './assets';
import type { HandlerContext } from './context';
import { saveDocumentChanges } from './document-changes';
import { createDocument, createDocumentFrom, listDocuments, openDocument, saveDocument } from './documents';
import { exportStoredDocument } from './exports';
import { searchDocuments } from './search';
import { deliveryLog, getDestinations, saveDestinations, sendToNewsroom } from './newsroom';
import { listBackups } from './backups';
import { AppError } from './errors';
import { openReviewFile, saveForReview } from './exchange';
import { getProfile, saveProfile } from './profile';
import { getSpellingSettings, saveSpellingSettings } from './spelling-settings';
import { getUiSettings, saveUiSettings } from './ui-settings';
import { getPlayerSettings, savePlayerSettings } from './player-settings';
import { listHistory, loadVersion, markModeChange, nameVersion, restoreVersion } from './history';
import { deleteForever, duplicateDocument, listTrash, moveToTrash, restoreFromTrash } from './trash';

export type Handlers = { [C in Channel]: (input: InputOf<C>, ctx: HandlerContext) => OutputOf<C> | Promise<OutputOf<C>> };

export const handlers: Handlers = {
  'library.list': (_input, ctx) => ({ items: listDocuments(ctx) }),
  'library.search': (input, ctx) => ({ hits: searchDocuments(ctx, input.query, input.limit) }),
  'document.create': (input, ctx) => createDocument(ctx, input.language),
  'document.createFrom': (input, ctx) => createDocumentFrom(ctx, input.doc),
  'document.load': (input, ctx) => openDocument(ctx, input.id),
  'document.export': (input, ctx) => exportStoredDocument(ctx, input.id, input.format, input.acceptWarnings),
  'settings.get': (_input, ctx) => ({ destinations: getDestinations(ctx) }),
  'settings.saveDestinations': (input, ctx) => ({ destinations: saveDestinations(ctx, input.destinations) }),
  'newsroom.send': (input, ctx) => sendToNewsroom(ctx, input.id, input.destinationId, input.acceptWarnings),
  'newsroom.log': (input, ctx) => ({ entries: deliveryLog(ctx, input.limit) }),
  'document.save': (input, ctx) => saveDocument(ctx, input.id, input.baseRevision, input.doc, { saveId: input.saveId, keep: input.onConflict === 'keep' }),
  'document.saveChanges': (input, ctx) => saveDocumentChanges(ctx, input),
  'asset.put': (input, ctx) => putImageAsset(ctx, input.data),
  'document.duplicate': (input, ctx) => duplicateDocument(ctx, input.id, input.headline),
  'trash.list': (_input, ctx) => ({ items: listTrash(ctx) }),
  'trash.put': (input, ctx) => moveToTrash(ctx, input.id),
  'trash.restore': (input, ctx) => (restoreFromTrash(ctx, input.id), {}),
  'trash.deleteForever': (input, ctx) => (deleteForever(ctx, input.id), {}),
  'history.list': (input, ctx) => listHistory(ctx, input.id),
  'history.get': (input, ctx) => loadVersion(ctx, input.id, input.revision),
  'history.name': (input, ctx) => nameVersion(ctx, input.id, input.revision, input.name),
  'history.restore': (input, ctx) => restoreVersion(ctx, input.id, input.revision),
  'history.markMode': (input, ctx) => markModeChange(ctx, input.id, input.from, input.to),
  'exchange.save': (input, ctx) => saveForReview(ctx, input.id, { recordings: input.recordings }),
  'exchange.open': (input, ctx) => openReviewFile(ctx, input.fileName, input.data, { asCopy: input.asCopy ?? false }),
  // These three never touch ctx.db: they work while the library is damaged (library-recovery.ts).
  'library.health': (_input, ctx) => ({ damaged: ctx.library?.damage != null, message: ctx.library?.damage ?? null }),
  'backup.list': (_input, ctx) => ({ backups: ctx.library ? listBackups(ctx.library.dataDir) : [] }),
  'backup.restore': async (input, ctx) => {
    if (!ctx.library) throw new AppError('invalid_input', 'This library has no backups to restore.');
    await ctx.library.restore(input.name);
    return {};
  },
  'profile.get': (_input, ctx) => ({ profile: getProfile(ctx) }),
  'profile.save': (input, ctx) => ({ profile: saveProfile(ctx, input.profile) }),
  'spelling.get': (_input, ctx) => ({ settings: getSpellingSettings(ctx) }),
  'spelling.save': (input, ctx) => ({ settings: saveSpellingSettings(ctx, input.settings) }),
  'ui.get': (_input, ctx) => ({ settings: getUiSettings(ctx) }),
  'ui.save': (input, ctx) => ({ settings: saveUiSettings(ctx, input.settings) }),
  'player.get': (_input, ctx) => ({ settings: getPlayerSettings(ctx) }),
  'player.save': (input, ctx) => ({ settings: savePlayerSettings(ctx, input.settings) }),
};
