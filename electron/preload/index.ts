/**
 * The sandboxed preload: exposes `window.api` with one named function per API channel and
 * nothing else (no raw ipcRenderer, no event objects). Bundled to a single CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../../shared/api/client';
import type { Result } from '../../shared/api/result';

contextBridge.exposeInMainWorld(
  'api',
  createApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>),
);
