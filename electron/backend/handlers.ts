/**
 * The handler map: one plain function per API channel. Electron's ipcMain, the web host and
 * the tests all call these same functions through `dispatch`, which validates the input first.
 */
import type { Channel } from '../../shared/api/channels';
import type { InputOf, OutputOf } from '../../shared/api/contract';
import { putImageAsset } from './assets';
import type { HandlerContext } from './context';
import { createDocument, createDocumentFrom, listDocuments, loadDocument, saveDocument } from './documents';
import { exportStoredDocument } from './exports';
import { AppError } from './errors';

export type Handlers = { [C in Channel]: (input: InputOf<C>, ctx: HandlerContext) => OutputOf<C> | Promise<OutputOf<C>> };

export const handlers: Handlers = {
  'library.list': (_input, ctx) => ({ items: listDocuments(ctx) }),
  'document.create': (input, ctx) => createDocument(ctx, input.language),
  'document.createFrom': (input, ctx) => createDocumentFrom(ctx, input.doc),
  'document.load': (input, ctx) => loadDocument(ctx, input.id),
  'document.export': (input, ctx) => exportStoredDocument(ctx, input.id, input.format, input.acceptWarnings),
  // Newsroom delivery (settings, send, log) is being built; until then it answers plainly.
  'settings.get': () => ({ destinations: [] }),
  'settings.saveDestinations': () => {
    throw new AppError('internal', 'Newsroom destinations are not available yet.');
  },
  'newsroom.send': () => {
    throw new AppError('internal', 'Sending to the newsroom is not available yet.');
  },
  'newsroom.log': () => ({ entries: [] }),
  'document.save': (input, ctx) => saveDocument(ctx, input.id, input.baseRevision, input.doc),
  'asset.put': (input, ctx) => putImageAsset(ctx, input.data),
};
