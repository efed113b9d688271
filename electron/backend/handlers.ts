/**
 * The handler map: one plain function per API channel. Electron's ipcMain, the web host and
 * the tests all call these same functions through `dispatch`, which validates the input first.
 */
import type { Channel } from '../../shared/api/channels';
import type { InputOf, OutputOf } from '../../shared/api/contract';
import { putImageAsset } from './assets';
import type { HandlerContext } from './context';
import { createDocument, listDocuments, loadDocument, saveDocument } from './documents';

export type Handlers = { [C in Channel]: (input: InputOf<C>, ctx: HandlerContext) => OutputOf<C> | Promise<OutputOf<C>> };

export const handlers: Handlers = {
  'library.list': (_input, ctx) => ({ items: listDocuments(ctx) }),
  'document.create': (input, ctx) => createDocument(ctx, input.language),
  'document.load': (input, ctx) => loadDocument(ctx, input.id),
  'document.save': (input, ctx) => saveDocument(ctx, input.id, input.baseRevision, input.doc),
  'asset.put': (input, ctx) => putImageAsset(ctx, input.data),
};
