/**
 * The main-process side of the file dialogs (electron/main/file-dialogs.ts), with fake dialogs
 * and real temporary folders: requests are validated, files land where the user chose and
 * nowhere else, and the renderer gets names and bytes, never paths.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAcceptedExtension, isPlainFileName, toPlainFileName } from '../../../../shared/file-dialogs';
import { filtersForName, openFileWithDialog, readWithLimit, saveFileWithDialog, siblingPath, type DialogPorts } from '../../../../electron/main/file-dialogs';

const folder = () => mkdtempSync(join(tmpdir(), 'file-dialogs-'));

function ports(savePath: string | null, openPath: string | null = null) {
  const seen: { save?: unknown; open?: unknown } = {};
  const p: DialogPorts = {
    chooseSavePath: async (options) => {
      seen.save = options;
      return savePath;
    },
    chooseOpenPath: async (options) => {
      seen.open = options;
      return openPath;
    },
  };
  return { ports: p, seen };
}

describe('file names and paths', () => {
  it('plain file names: one file in one folder, on every system', () => {
    for (const ok of ['interview.xml', 'Phỏng vấn ông Hải.txt', 'a', '.hidden', 'photo-1.jpg']) expect(isPlainFileName(ok), ok).toBe(true);
    for (const bad of ['', '.', '..', '../x', 'a/b', 'a\\b', 'C:', 'x:y', 'CON', 'nul.txt', 'a*', 'end.', 'end ', 'x\u0000y', 'a'.repeat(256)]) expect(isPlainFileName(bad), bad).toBe(false);
    expect(toPlainFileName('NITF: "Long An"/2026.xml')).toBe('NITF_ _Long An__2026.xml');
    expect(toPlainFileName('..')).toBe('untitled');
    expect(toPlainFileName('CON', 'export')).toBe('export');
  });

  it('companions go next to the chosen file, never elsewhere', () => {
    expect(siblingPath('/home/an/Exports/story.xml', 'story-1.jpg')).toBe('/home/an/Exports/story-1.jpg');
    for (const bad of ['../story-1.jpg', '/etc/passwd', 'sub/x.jpg', '..', 'story.xml']) expect(siblingPath('/home/an/Exports/story.xml', bad), bad).toBeNull();
  });

  it('dialog filters: the suggested extension, then all files; accepted extensions are .abc', () => {
    expect(filtersForName('a.xml')).toEqual([{ name: 'XML', extensions: ['xml'] }, { name: 'All files', extensions: ['*'] }]);
    expect(filtersForName('README')).toEqual([{ name: 'All files', extensions: ['*'] }]);
    expect(['.txt', '.interview'].every(isAcceptedExtension)).toBe(true);
    expect(['txt', '.t/x', '.', '*.txt', '.'.padEnd(18, 'a')].some(isAcceptedExtension)).toBe(false);
  });
});

describe('save through the dialog', () => {
  it('writes the file where the user chose, pictures beside it, and nothing else', async () => {
    const dir = folder();
    const { ports: p, seen } = ports(join(dir, 'chosen.xml'));
    const reply = await saveFileWithDialog(
      { suggestedName: 'interview-1.xml', data: '<nitf>Đảng</nitf>', mime: 'application/nitf+xml', companions: [{ name: 'interview-1-1.jpg', data: new Uint8Array([0xff, 0xd8, 0xff]) }], title: 'Export' },
      p,
    );
    expect(reply).toEqual({ ok: true, value: 'saved' });
    expect(seen.save).toEqual({ title: 'Export', defaultName: 'interview-1.xml', filters: filtersForName('interview-1.xml') });
    expect(readFileSync(join(dir, 'chosen.xml'), 'utf8')).toBe('<nitf>Đảng</nitf>');
    expect([...readFileSync(join(dir, 'interview-1-1.jpg'))]).toEqual([0xff, 0xd8, 0xff]);
    expect(readdirSync(dir).sort()).toEqual(['chosen.xml', 'interview-1-1.jpg']); // no temporary files left
  });

  it('replaces an existing file (the dialog already asked), and offers a cleaned-up name', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'old.txt'), 'old');
    const { ports: p, seen } = ports(join(dir, 'old.txt'));
    expect(await saveFileWithDialog({ suggestedName: 'a/b:c.txt', data: new Uint8Array([104, 105]), mime: 'text/plain' }, p)).toEqual({ ok: true, value: 'saved' });
    expect(readFileSync(join(dir, 'old.txt'), 'utf8')).toBe('hi');
    expect((seen.save as { defaultName: string }).defaultName).toBe('a_b_c.txt');
  });

  it('cancelled: nothing written', async () => {
    const { ports: p } = ports(null);
    expect(await saveFileWithDialog({ suggestedName: 'a.txt', data: 'x', mime: 'text/plain' }, p)).toEqual({ ok: true, value: 'cancelled' });
  });

  it('refuses malformed requests and companion names that would escape the folder, before any dialog', async () => {
    const dir = folder();
    const { ports: p, seen } = ports(join(dir, 'a.xml'));
    for (const bad of [
      null,
      { suggestedName: 'a.txt', data: 42, mime: 'text/plain' },
      { suggestedName: 'a.txt', data: 'x', mime: 'text/plain', path: '/etc/passwd' },
      { suggestedName: 'a.txt', data: 'x', mime: 'text/plain', companions: [{ name: '../../evil.sh', data: new Uint8Array() }] },
    ]) {
      const reply = await saveFileWithDialog(bad, p);
      expect(reply.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(seen.save).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a companion with the chosen file’s own name is refused, and nothing is written', async () => {
    const dir = folder();
    const { ports: p } = ports(join(dir, 'a.xml'));
    const reply = await saveFileWithDialog({ suggestedName: 'a.xml', data: 'x', mime: 'text/xml', companions: [{ name: 'a.xml', data: new Uint8Array([1]) }] }, p);
    expect(reply).toEqual({ ok: false, message: '"a.xml" cannot be saved next to "a.xml".' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a write that fails gives a reason without the path', async () => {
    const dir = folder();
    const { ports: p } = ports(join(dir, 'missing-folder', 'a.txt'));
    const reply = await saveFileWithDialog({ suggestedName: 'a.txt', data: 'x', mime: 'text/plain' }, p);
    expect(reply).toEqual({ ok: false, message: '"a.txt" could not be saved: the folder or file does not exist.' });
    expect(JSON.stringify(reply)).not.toContain(dir);
  });
});

describe('open through the dialog', () => {
  it('reads the chosen file and returns its name and bytes', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'bài.txt'), 'Phóng viên: Xin chào');
    const { ports: p, seen } = ports(null, join(dir, 'bài.txt'));
    const reply = await openFileWithDialog({ accept: ['.txt', '.TEXT'], title: 'Text file to import', maxBytes: 1000 }, p);
    expect(seen.open).toEqual({ title: 'Text file to import', filters: [{ name: '.txt, .TEXT', extensions: ['txt', 'text'] }] });
    if (!reply.ok || !reply.value) throw new Error('expected a file');
    expect(reply.value.name).toBe('bài.txt');
    expect(new TextDecoder().decode(reply.value.bytes!)).toBe('Phóng viên: Xin chào');
    expect(reply.value.size).toBe(reply.value.bytes!.byteLength);
  });

  it('does not read a file over the limit: size only, for a message', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2000));
    const { ports: p } = ports(null, join(dir, 'big.txt'));
    expect(await openFileWithDialog({ accept: ['.txt'], maxBytes: 1000 }, p)).toEqual({ ok: true, value: { name: 'big.txt', size: 2000, bytes: null } });
  });

  it('cancelled → null; bad requests are refused before any dialog', async () => {
    const { ports: p, seen } = ports(null, null);
    expect(await openFileWithDialog({ accept: ['.txt'] }, p)).toEqual({ ok: true, value: null });
    seen.open = undefined;
    for (const bad of [{ accept: [] }, { accept: ['txt'] }, { accept: ['.txt'], maxBytes: -1 }, { accept: ['.txt'], multiple: true }]) {
      expect((await openFileWithDialog(bad, p)).ok, JSON.stringify(bad)).toBe(false);
    }
    expect(seen.open).toBeUndefined();
  });

  it('reading a folder or a vanished file is refused with a message', async () => {
    const dir = folder();
    expect(await readWithLimit(dir)).toMatchObject({ ok: false });
    expect(await readWithLimit(join(dir, 'gone.interview'))).toEqual({ ok: false, message: '"gone.interview" could not be read: the folder or file does not exist.' });
  });
});
