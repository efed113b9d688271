/**
 * TEST DOUBLE: `process.parentPort` as Electron gives it to a utilityProcess, made from Node's
 * child_process IPC channel. The stand-in's `utilityProcess.fork` (electron-stand-in.ts) starts
 * the real backend process entry with this file preloaded (`--require`, bundled by load-main.ts),
 * so the entry finds its channel to main where Electron puts it. As Electron's: a message arrives
 * as an event whose `data` is the value main posted; and the process ends with its parent.
 */
import { EventEmitter } from 'node:events';

class StandInParentPort extends EventEmitter {
  postMessage(message: unknown): void {
    process.send?.(message);
  }
}

const port = new StandInParentPort();
process.on('message', (data) => port.emit('message', { data }));
process.on('disconnect', () => process.exit(0));
(process as NodeJS.Process & { parentPort?: StandInParentPort }).parentPort = port;
