/**
 * TEST DOUBLE, page side: what `require('electron')` gives the real preload
 * (electron/preload/index.ts) when the harness runs it in the page as an init script. Only the
 * two things a sandboxed preload uses: `contextBridge.exposeInMainWorld` (here a plain, frozen
 * window property: the isolated world itself is not modelled) and `ipcRenderer`, carried over the
 * `__harnessIpc` Playwright binding to the stand-in's ipcMain (desktop-app.ts).
 */
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import { decodeWire, encodeWire, type WireMessage, type WireReply } from './wire';

interface HarnessWindow {
  __harnessIpc(message: WireMessage): Promise<WireReply | undefined>;
  __harnessDeliver?: (channel: string, args: unknown) => void;
}
const page = window as unknown as HarnessWindow;
type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;
const listeners = new Map<string, Set<Listener>>();

// main → page: webContents.send lands here (called by the harness through page.evaluate).
page.__harnessDeliver = (channel, args) => {
  for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: ipcRenderer } as unknown as IpcRendererEvent, ...(decodeWire(args) as unknown[]));
};

export const ipcRenderer: Pick<IpcRenderer, 'invoke' | 'send' | 'on'> = {
  async invoke(channel: string, ...args: unknown[]) {
    const reply = await page.__harnessIpc({ kind: 'invoke', channel, args: encodeWire(args) });
    if (!reply || !reply.ok) throw new Error(`Error invoking remote method '${channel}': ${reply?.message ?? 'no reply'}`);
    return decodeWire(reply.value);
  },
  send(channel: string, ...args: unknown[]) {
    void page.__harnessIpc({ kind: 'send', channel, args: encodeWire(args) });
  },
  on(channel: string, listener: Listener) {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
    return ipcRenderer as IpcRenderer;
  },
};

export const contextBridge: Pick<ContextBridge, 'exposeInMainWorld'> = {
  exposeInMainWorld(key: string, api: unknown) {
    Object.defineProperty(window, key, { value: Object.freeze(api), writable: false, configurable: false, enumerable: true });
  },
};
