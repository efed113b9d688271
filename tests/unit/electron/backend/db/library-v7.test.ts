/** Migration v7 (the sender's version each opened review file held) from a hand-written v6 library. */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeLibrary, LIBRARY_SCHEMA_VERSION, openLibrary } from '../../../../../electron/backend/db/open-library';
import { dispatch } from '../../../../../electron/backend/dispatch';
import { contentHash } from '../../../../../electron/backend/exchange-base';
import { readExchangeFile, writeExchangeFile } from '../../../../../electron/backend/exchange-file';
import type { ExchangeSaved, LoadedDocument, LoadedVersion } from '../../../../../shared/api/contract';
import type { Interview } from '../../../../../shared/model/schema';
import { acceptAll, edit, rejectAll } from '../../../../../shared/review';
import { tempDir } from '../../../../helpers/temp-library';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const textOf = (doc: Interview) => (doc.body[0] as { children: { text: string }[] }).children.map((l) => l.text).join('');

describe('migration to v7', () => {
  it('keeps a v6 library’s review-file records (with no sender version), and a file returned for a version sent before v7 is merged', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'library.sqlite');
    const fixture = new Database(file);
    fixture.exec(readFileSync(new URL('../../../../fixtures/library-v6.sql', import.meta.url), 'utf8'));
    fixture.close();

    const db = await openLibrary(file);
    expect(LIBRARY_SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
    expect(db.pragma('user_version', { simple: true })).toBe(LIBRARY_SCHEMA_VERSION);
    const ctx = { db, now: () => new Date('2026-03-01T10:00:00Z'), newId: () => 'x-new' };
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await dispatch(channel, input, ctx);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as T;
    };
    expect(db.prepare('SELECT exchange_id, sender_revision, sender_sha256 FROM exchange_import').all()).toEqual([{ exchange_id: 'x-from-elsewhere', sender_revision: null, sender_sha256: null }]);

    // What came in before v7 cannot name the sender's version when it goes back.
    const out = await call<ExchangeSaved>('exchange.save', { id: 'fixture-6-in' });
    expect(await readBack(out, t.dir)).toMatchObject({ basedOn: null, sender: { id: 'u-lan', name: 'Lan' } });

    // The editor returns the version sent before v7 (revision 2), changed; "2025" typed since stays.
    const sent = await call<LoadedVersion>('history.get', { id: 'fixture-6', revision: 2 });
    const theirs = edit(sent.doc, [{ type: 'replaceText', at: { path: [2, 0], offset: 8 }, length: 3, text: 'hơn' }]);
    const returned = join(t.dir, 'back.interview');
    writeExchangeFile(returned, {
      exchangeId: 'from-editor',
      createdAt: '2026-02-28T10:00:00.000Z',
      document: { revision: 9, createdAt: '2026-02-01T08:00:00.000Z', updatedAt: '2026-02-28T10:00:00.000Z', doc: theirs },
      revisions: [],
      assets: [],
      comments: [],
      basedOn: { revision: 2, sha256: contentHash(sent.doc) },
      sender: { id: 'u-hoa', name: 'Hoa' },
    });
    const opened = await call<{ outcome: string }>('exchange.open', { fileName: 'back.interview', data: readFileSync(returned).toString('base64') });
    expect(opened).toMatchObject({ outcome: 'merged', conflicts: 0, suggestions: 1 });
    const merged = (await call<LoadedDocument>('document.load', { id: 'fixture-6' })).doc;
    expect(textOf(merged)).toBe('Năm 2025 tỉnh Long An kết nạp nhiều đảng viên.');
    expect(acceptAll(merged).body[2]).toEqual(theirs.body[2]);
    expect(rejectAll(merged).body).toEqual((await call<LoadedVersion>('history.get', { id: 'fixture-6', revision: 3 })).doc.body);
    expect(db.prepare("SELECT sender_revision, sender_sha256 FROM exchange_import WHERE exchange_id = 'from-editor'").get()).toEqual({ sender_revision: 9, sender_sha256: contentHash(theirs) });
    closeLibrary(db);

    const backup = new Database(`${file}.pre-v${LIBRARY_SCHEMA_VERSION}.bak`, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(6);
    backup.close();
  });
});

function readBack(file: ExchangeSaved, dir: string) {
  const path = join(dir, 'read.interview');
  writeFileSync(path, Buffer.from(file.data, 'base64'));
  return readExchangeFile(path, file.fileName);
}
