/**
 * `window.desktop` as the preload builds it (electron/preload/desktop-bridge.ts), over a fake
 * IPC transport: the closed command set, listeners that never see the IPC event, commands kept
 * for the first listener, and the flush handshake the quit guard waits for.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP_CHANNELS, type FlushDone } from '../../../../shared/desktop-bridge';
import { isDesktopCommand, isReviewViewState, type DesktopCommand, type ReviewViewState } from '../../../../shared/desktop-commands';
import { createDesktopBridge, type PreloadTransport } from '../../../../electron/preload/desktop-bridge';

function fakeTransport(replies: Record<string, unknown> = {}) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const sent: [string, unknown][] = [];
  const invoked: [string, unknown][] = [];
  const transport: PreloadTransport = {
    invoke: async (channel, payload) => {
      invoked.push([channel, payload]);
      return replies[channel];
    },
    send: (channel, payload) => void sent.push([channel, payload]),
    on: (channel, listener) => void listeners.set(channel, listener),
  };
  const fromMain = (channel: string, payload: unknown) => listeners.get(channel)!(payload);
  return { transport, fromMain, sent, invoked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('desktop commands', () => {
  it('accepts exactly the closed set, with well-formed arguments and nothing extra', () => {
    const good: DesktopCommand[] = [
      { type: 'file.new' },
      { type: 'file.export', format: 'nitf' },
      { type: 'file.export', format: 'agency-text' },
      { type: 'file.export', format: 'docx' },
      { type: 'view.mode', mode: 'suggesting' },
      { type: 'view.markup', markup: 'original' },
      { type: 'open-file', fileId: 'file-1', fileName: 'Phỏng vấn.interview' },
    ];
    for (const c of good) expect(isDesktopCommand(c), JSON.stringify(c)).toBe(true);
    const bad: unknown[] = [
      null,
      'file.new',
      [],
      { type: 'file.delete' },
      { type: 'file.new', extra: 1 },
      { type: 'file.export' },
      { type: 'file.export', format: 'pdf' },
      { type: 'file.export', format: 'docx', extra: 1 },
      { type: 'view.mode', mode: 'admin' },
      { type: 'open-file', fileId: '../x', fileName: 'a.interview' },
      { type: 'open-file', fileId: 'file-1', fileName: '' },
      { type: 'open-file', fileId: 'file-1', fileName: 'a.interview', path: '/etc/passwd' },
    ];
    for (const c of bad) expect(isDesktopCommand(c), JSON.stringify(c)).toBe(false);
  });
});

describe('the review state reported to the menu', () => {
  it('is a mode and a markup view of the closed sets, nothing else', () => {
    expect(isReviewViewState({ mode: 'suggesting', markup: 'final' })).toBe(true);
    for (const bad of [null, [], {}, { mode: 'suggesting' }, { mode: 'admin', markup: 'final' }, { mode: 'editing', markup: 'final', extra: 1 }, { mode: 'editing', markup: 'diff' }]) {
      expect(isReviewViewState(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('crosses the bridge only when well formed, as a plain copy', () => {
    const { transport, sent } = fakeTransport();
    const bridge = createDesktopBridge(transport);
    const state = { mode: 'viewing', markup: 'original' } as const;
    bridge.reportReviewState(state);
    bridge.reportReviewState({ mode: 'root', markup: 'original' } as unknown as ReviewViewState);
    expect(sent).toEqual([[DESKTOP_CHANNELS.reviewState, { mode: 'viewing', markup: 'original' }]]);
    expect(sent[0]![1]).not.toBe(state);
  });
});

describe('window.desktop (preload bridge)', () => {
  it('passes commands of the closed set to listeners, drops anything else, and unsubscribes', () => {
    const { transport, fromMain } = fakeTransport();
    const bridge = createDesktopBridge(transport);
    const got: unknown[] = [];
    const off = bridge.onCommand((c) => got.push(c));
    fromMain(DESKTOP_CHANNELS.command, { type: 'edit.find' });
    fromMain(DESKTOP_CHANNELS.command, { type: 'shell.exec', cmd: 'rm -rf /' });
    expect(got).toEqual([{ type: 'edit.find' }]);
    off();
    fromMain(DESKTOP_CHANNELS.command, { type: 'edit.replace' });
    expect(got).toHaveLength(1);
  });

  it('keeps commands that arrive before anyone listens for the first listener', () => {
    const { transport, fromMain } = fakeTransport();
    const bridge = createDesktopBridge(transport);
    fromMain(DESKTOP_CHANNELS.command, { type: 'open-file', fileId: 'file-1', fileName: 'a.interview' });
    const first: unknown[] = [];
    const second: unknown[] = [];
    bridge.onCommand((c) => first.push(c));
    bridge.onCommand((c) => second.push(c));
    expect(first).toEqual([{ type: 'open-file', fileId: 'file-1', fileName: 'a.interview' }]);
    expect(second).toEqual([]);
  });

  it('a listener that throws does not keep the command from the others', () => {
    const { transport, fromMain } = fakeTransport();
    const bridge = createDesktopBridge(transport);
    const got: unknown[] = [];
    bridge.onCommand(() => {
      throw new Error('boom');
    });
    bridge.onCommand((c) => got.push(c));
    const error = console.error;
    console.error = () => undefined;
    try {
      fromMain(DESKTOP_CHANNELS.command, { type: 'help.shortcuts' });
    } finally {
      console.error = error;
    }
    expect(got).toEqual([{ type: 'help.shortcuts' }]);
  });

  it('answers a flush request once every handler has settled', async () => {
    const { transport, fromMain, sent } = fakeTransport();
    const bridge = createDesktopBridge(transport);
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    bridge.onFlushRequest(() => slow);
    bridge.onFlushRequest(async () => undefined);
    fromMain(DESKTOP_CHANNELS.flushRequest, 7);
    await settle();
    expect(sent).toEqual([]);
    release();
    await settle();
    expect(sent).toEqual([[DESKTOP_CHANNELS.flushDone, { requestId: 7, ok: true } satisfies FlushDone]]);
  });

  it('answers at once when nothing is registered (no document open), and reports a failed flush', async () => {
    const { transport, fromMain, sent } = fakeTransport();
    const bridge = createDesktopBridge(transport);
    fromMain(DESKTOP_CHANNELS.flushRequest, 1);
    await settle();
    expect(sent.at(-1)).toEqual([DESKTOP_CHANNELS.flushDone, { requestId: 1, ok: true }]);

    const off = bridge.onFlushRequest(async () => {
      throw new Error('The disk is full.');
    });
    fromMain(DESKTOP_CHANNELS.flushRequest, 2);
    await settle();
    expect(sent.at(-1)).toEqual([DESKTOP_CHANNELS.flushDone, { requestId: 2, ok: false, message: 'The disk is full.' }]);

    off();
    fromMain(DESKTOP_CHANNELS.flushRequest, 3);
    fromMain(DESKTOP_CHANNELS.flushRequest, 'not a request id');
    await settle();
    expect(sent.at(-1)).toEqual([DESKTOP_CHANNELS.flushDone, { requestId: 3, ok: true }]);
    expect(sent).toHaveLength(3);
  });

  it('file dialogs go over IPC and turn a refusal into an error with its message', async () => {
    const { transport, invoked } = fakeTransport({
      [DESKTOP_CHANNELS.saveFile]: { ok: true, value: 'saved' },
      [DESKTOP_CHANNELS.openFile]: { ok: false, message: '"a.txt" could not be read: permission denied.' },
      [DESKTOP_CHANNELS.readOpenedFile]: { ok: true, value: null },
    });
    const bridge = createDesktopBridge(transport);
    const request = { suggestedName: 'a.xml', data: '<nitf/>', mime: 'application/nitf+xml' };
    expect(await bridge.fileDialogs.saveFile(request)).toBe('saved');
    await expect(bridge.fileDialogs.openFile({ accept: ['.txt'] })).rejects.toThrow('permission denied');
    expect(await bridge.readOpenedFile('file-9')).toBeNull();
    expect(invoked).toEqual([
      [DESKTOP_CHANNELS.saveFile, request],
      [DESKTOP_CHANNELS.openFile, { accept: ['.txt'] }],
      [DESKTOP_CHANNELS.readOpenedFile, 'file-9'],
    ]);
  });
});

describe('handled commands', () => {
  it('sends the menu a fresh list of known command names only', () => {
    const { transport, sent } = fakeTransport();
    const bridge = createDesktopBridge(transport);
    bridge.reportHandledCommands(['file.open', 'file.open', 'edit.find', 'rm -rf' as never]);
    expect(sent).toEqual([[DESKTOP_CHANNELS.handledCommands, ['file.open', 'edit.find']]]);
  });
});

describe('UI language', () => {
  it('sends the menu exactly "vi" or "en", and nothing for anything else', () => {
    const { transport, sent } = fakeTransport();
    const bridge = createDesktopBridge(transport);
    bridge.reportUiLanguage('vi');
    bridge.reportUiLanguage('en');
    for (const bad of ['fr', 'VI', 'vi-VN', '', null, { language: 'vi' }, ['vi']]) bridge.reportUiLanguage(bad as never);
    expect(sent).toEqual([
      [DESKTOP_CHANNELS.uiLanguage, 'vi'],
      [DESKTOP_CHANNELS.uiLanguage, 'en'],
    ]);
  });
});
