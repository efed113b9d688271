/** Files the OS asks us to open reach the renderer once it can listen, by id, never by path. */
import { describe, expect, it } from 'vitest';
import type { DesktopCommand } from '../../../../shared/desktop-commands';
import { OpenFileQueue } from '../../../../electron/main/open-file-queue';

describe('open-file queue', () => {
  it('holds files that arrive before the renderer (macOS open-file before ready), then delivers them in order', () => {
    const queue = new OpenFileQueue();
    queue.open('/Users/an/a.interview');
    queue.open('/Users/an/b.interview');
    const sent: DesktopCommand[] = [];
    queue.attach((c) => sent.push(c));
    expect(sent).toEqual([
      { type: 'open-file', fileId: 'file-1', fileName: 'a.interview' },
      { type: 'open-file', fileId: 'file-2', fileName: 'b.interview' },
    ]);
    queue.open('/Users/an/c.interview');
    expect(sent.at(-1)).toEqual({ type: 'open-file', fileId: 'file-3', fileName: 'c.interview' });
  });

  it('queues again while the renderer reloads or is gone', () => {
    const queue = new OpenFileQueue();
    const first: DesktopCommand[] = [];
    queue.attach((c) => first.push(c));
    queue.detach();
    queue.open('/tmp/x.interview');
    expect(first).toEqual([]);
    const second: DesktopCommand[] = [];
    queue.attach((c) => second.push(c));
    expect(second).toHaveLength(1);
  });

  it('gives the path behind an id once; unknown ids get nothing', () => {
    const queue = new OpenFileQueue();
    queue.attach(() => undefined);
    queue.open('/home/an/Phỏng vấn.interview');
    expect(queue.take('file-1')).toBe('/home/an/Phỏng vấn.interview');
    expect(queue.take('file-1')).toBeNull();
    expect(queue.take('file-2')).toBeNull();
    expect(queue.take('../../etc/passwd')).toBeNull();
  });
});
