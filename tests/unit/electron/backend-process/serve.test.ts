/**
 * The backend process's side (electron/backend-process/serve.ts) on a real library in a temporary
 * folder, through a fake parent port: it opens the library once asked, answers API calls with the
 * backend's own dispatch (the same zod check at the boundary: a bad payload is refused), keeps the
 * order of calls made while it opens, says why when the library cannot be opened, and on close waits
 * for the calls in progress, closes the database and releases the folder.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendMessage, BackendRequest } from '../../../../electron/backend-process/protocol';
import { serveBackend } from '../../../../electron/backend-process/serve';
import { LOCK_FILE } from '../../../../electron/backend/data-dir-lock';
import { openRecoverableSession } from '../../../../electron/backend/library-recovery';
import { seedLikeDocument } from '../../../helpers/export-fixtures';
import { tempDir } from '../../../helpers/temp-library';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function serve() {
  const sent: BackendMessage[] = [];
  let deliver: (event: { data: unknown }) => void = () => undefined;
  serveBackend(
    {
      on: (_event, listener) => void (deliver = listener),
      postMessage: (message) => void sent.push(message),
    },
    (dir) => openRecoverableSession(dir, { backups: false }),
  );
  const post = (request: BackendRequest) => deliver({ data: request });
  const replyTo = async (id: number) => {
    for (let i = 0; i < 500; i++) {
      const reply = sent.find((m) => m.kind === 'reply' && m.id === id);
      if (reply && reply.kind === 'reply') return reply.value;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no reply to ${id}`);
  };
  const opened = async () => {
    for (let i = 0; i < 500 && !sent.some((m) => m.kind === 'ready' || m.kind === 'failed'); i++) await new Promise((r) => setTimeout(r, 10));
    return sent.find((m) => m.kind === 'ready' || m.kind === 'failed');
  };
  return { sent, post, replyTo, opened };
}

function folder(): string {
  const { dir, cleanup } = tempDir('desk-backend-process-');
  cleanups.push(cleanup);
  return dir;
}

describe('the backend process', () => {
  it('opens the library, and answers calls made while it opened, in order, through dispatch', async () => {
    const dir = folder();
    const backend = serve();
    backend.post({ kind: 'open', dataDir: dir });
    const doc = seedLikeDocument();
    backend.post({ kind: 'call', id: 1, channel: 'document.createFrom', input: { doc } });
    backend.post({ kind: 'call', id: 2, channel: 'library.list', input: {} });
    expect(await backend.opened()).toEqual({ kind: 'ready' });
    const created = (await backend.replyTo(1)) as { ok: true; value: { doc: { id: string; meta: { headline: string } } } };
    expect(created.ok).toBe(true);
    expect(created.value.doc.meta.headline).toBe(doc.meta.headline);
    const list = (await backend.replyTo(2)) as { ok: true; value: { items: { id: string }[] } };
    expect(list.value.items.map((i) => i.id)).toEqual([created.value.doc.id]); // the create came first
    backend.post({ kind: 'close', id: 3 });
    expect(await backend.replyTo(3)).toBeNull();
  });

  it('refuses a payload the contract refuses, and an unknown channel, as the web host does', async () => {
    const dir = folder();
    const backend = serve();
    backend.post({ kind: 'open', dataDir: dir });
    backend.post({ kind: 'call', id: 1, channel: 'library.list', input: { sneaky: true } });
    backend.post({ kind: 'call', id: 2, channel: 'library.drop', input: {} });
    expect(await backend.replyTo(1)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.replyTo(2)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    backend.post({ kind: 'close', id: 3 });
    await backend.replyTo(3);
  });

  it('a library it cannot open is reported with the reason, and calls are answered unavailable', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'not-a-folder'), 'a file where the library folder should be');
    const backend = serve();
    backend.post({ kind: 'open', dataDir: join(dir, 'not-a-folder', 'library') });
    backend.post({ kind: 'call', id: 1, channel: 'library.list', input: {} });
    expect(await backend.opened()).toEqual({ kind: 'failed', message: expect.stringContaining('not-a-folder') });
    expect(await backend.replyTo(1)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('closing waits for the calls in progress, then closes the database and releases the folder for the next process', async () => {
    const dir = folder();
    const backend = serve();
    backend.post({ kind: 'open', dataDir: dir });
    backend.post({ kind: 'call', id: 1, channel: 'document.createFrom', input: { doc: seedLikeDocument() } });
    backend.post({ kind: 'close', id: 2 });
    backend.post({ kind: 'call', id: 3, channel: 'library.list', input: {} });
    expect(await backend.replyTo(1)).toMatchObject({ ok: true });
    expect(await backend.replyTo(2)).toBeNull();
    expect(await backend.replyTo(3)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

    // The next process (a restart, the next launch) opens it and finds the interview stored.
    const next = serve();
    next.post({ kind: 'open', dataDir: dir });
    next.post({ kind: 'call', id: 1, channel: 'library.list', input: {} });
    expect(((await next.replyTo(1)) as { value: { items: unknown[] } }).value.items).toHaveLength(1);
    next.post({ kind: 'close', id: 2 });
    await next.replyTo(2);
  });

  it('a stored image it does not hold is “not found”, with the app’s security headers', async () => {
    const dir = folder();
    const backend = serve();
    backend.post({ kind: 'open', dataDir: dir });
    backend.post({ kind: 'asset', id: 1, path: `/asset/${'a'.repeat(64)}` });
    expect(await backend.replyTo(1)).toMatchObject({ status: 404, headers: { 'X-Content-Type-Options': 'nosniff' } });
    backend.post({ kind: 'close', id: 2 });
    await backend.replyTo(2);
  });
});
