/**
 * Routes files the OS asks us to open to the renderer as `open-file` commands.
 *
 * Requests can come before there is anyone to tell: macOS sends `open-file` before the app is
 * ready, and argv is read before the window has loaded. They wait here until `attach` is given
 * a way to reach a loaded renderer. The renderer gets an id and the file's name, never its
 * path; it reads the file once through `take` (the read-opened-file channel).
 */
import { basename } from 'node:path';
import type { DesktopCommand } from '../../shared/desktop-commands';

type Send = (command: DesktopCommand) => void;

export class OpenFileQueue {
  private readonly waiting: string[] = [];
  private readonly byId = new Map<string, string>();
  private send: Send | null = null;
  private counter = 0;

  /** Ask to open `path`: delivered now if a renderer is attached, else when one is. */
  open(path: string): void {
    if (this.send) this.deliver(path, this.send);
    else this.waiting.push(path);
  }

  /** A renderer has loaded and listens: deliver what waited, and everything from now on. */
  attach(send: Send): void {
    this.send = send;
    for (const path of this.waiting.splice(0)) this.deliver(path, send);
  }

  /** The renderer went away (window closed, crashed, reloading): queue again until the next attach. */
  detach(): void {
    this.send = null;
  }

  /** The path behind an id, once: a second call, or an id never given out, gets null. */
  take(fileId: string): string | null {
    const path = this.byId.get(fileId) ?? null;
    this.byId.delete(fileId);
    return path;
  }

  private deliver(path: string, send: Send): void {
    const fileId = `file-${++this.counter}`;
    this.byId.set(fileId, path);
    send({ type: 'open-file', fileId, fileName: basename(path) });
  }
}
