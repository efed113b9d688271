/**
 * The sandboxed preload: exposes `window.api` (one named function per API channel) and
 * `window.desktop` (dialogs, menu commands, the flush before closing) and nothing else: no raw
 * ipcRenderer, no event objects. Bundled to a single CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../../shared/api/client';
import type { Result } from '../../shared/api/result';
import { createDesktopBridge } from './desktop-bridge';

contextBridge.exposeInMainWorld(
  'api',
  createApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>),
);

contextBridge.exposeInMainWorld(
  'desktop',
  createDesktopBridge({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    send: (channel, payload) => ipcRenderer.send(channel, payload),
    // The IPC event (with its sender and ports) stays here: listeners get the payload only.
    on: (channel, listener) => void ipcRenderer.on(channel, (_event, payload: unknown) => listener(payload)),
  }),
);
