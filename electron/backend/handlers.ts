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
import { searchDocuments } from './search';
import { deliveryLog, getDestinations, saveDestinations, sendToNewsroom } from './newsroom';

export type Handlers = { [C in Channel]: (input: InputOf<C>, ctx: HandlerContext) => OutputOf<C> | Promise<OutputOf<C>> };

export const handlers: Handlers = {
  'library.list': (_input, ctx) => ({ items: listDocuments(ctx) }),
  'library.search': (input, ctx) => ({ hits: searchDocuments(ctx, input.query, input.limit) }),
  'document.create': (input, ctx) => createDocument(ctx, input.language),
  'document.createFrom': (input, ctx) => createDocumentFrom(ctx, input.doc),
  'document.load': (input, ctx) => loadDocument(ctx, input.id),
  'document.export': (input, ctx) => exportStoredDocument(ctx, input.id, input.format, input.acceptWarnings),
  'settings.get': (_input, ctx) => ({ destinations: getDestinations(ctx) }),
  'settings.saveDestinations': (input, ctx) => ({ destinations: saveDestinations(ctx, input.destinations) }),
  'newsroom.send': (input, ctx) => sendToNewsroom(ctx, input.id, input.destinationId, input.acceptWarnings),
  'newsroom.log': (input, ctx) => ({ entries: deliveryLog(ctx, input.limit) }),
  'document.save': (input, ctx) => saveDocument(ctx, input.id, input.baseRevision, input.doc),
  'asset.put': (input, ctx) => putImageAsset(ctx, input.data),
};
