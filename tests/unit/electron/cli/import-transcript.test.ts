/**
 * Machine transcripts through the command line as a user runs it (`node bin/interview-desk.js`):
 * `import` stores a whisper.cpp JSON as turns with times, even with the invalid UTF-8 whisper.cpp
 * can write inside a Vietnamese letter (reported, not refused), and `convert` reads a timed text
 * transcript into the agency's layout.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { Interview } from '../../../../shared/model/schema';
import { dirsPerTest } from '../../../helpers/dirs-per-test';

// Each test runs the CLI as child processes (node + tsx, ~1 s each): slow on a loaded machine, not stuck.
vi.setConfig({ testTimeout: 60_000 });

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures/transcripts');

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/interview-desk.js'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout.toString('utf8'), stderr: run.stderr.toString('utf8') };
}

const dir = dirsPerTest('interview-desk-transcript-');

describe('interview-desk and machine transcripts', () => {
  it('imports whisper.cpp JSON with a letter cut in two: turns with times, the garbled segment reported', () => {
    const data = dir();
    // `kệ` written with its last byte lost, as whisper.cpp can: E1 BB 87 → E1 BB.
    const json = readFileSync(join(FIXTURES, 'vi-whisper-cpp.json'), 'utf8').replace('k\\ufffd', 'KE_CUT');
    const bytes = Buffer.from(json, 'utf8');
    const at = bytes.indexOf('KE_CUT');
    const file = join(dir(), 'quan-sach.json');
    writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([0x6b, 0xe1, 0xbb]), bytes.subarray(at + 'KE_CUT'.length)]));

    const imported = cli(['import', file, '--data-dir', data]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('Line 3: "Lúc đầu chỉ có hai k\uFFFD sách cũ." holds characters that could not be read');
    expect(imported.stderr).toContain('Line 1: speaker "0" is named "Người nói 1"');
    const id = imported.stdout.trim();
    const doc = JSON.parse(cli(['export', id, '--format', 'json', '-o', '-', '--data-dir', data]).stdout) as Interview;
    expect(doc.participants.map((p) => [p.label, p.role])).toEqual([
      ['Người nói 1', 'interviewer'],
      ['Người nói 2', 'interviewee'],
    ]);
    const turns = doc.body.flatMap((b) => (b.type === 'turn' ? [b] : []));
    expect(turns.map((t) => t.speakerId)).toEqual(['p1', 'p2', 'p1']);
    expect(turns[1]!.children).toEqual([{ type: 'paragraph', time: { startMs: 3600, endMs: 9400 }, children: [{ text: 'Được năm năm rồi em. Lúc đầu chỉ có hai k\uFFFD sách cũ.' }] }]);
  });

  it('refuses a JSON that is not UTF-8 and not a transcript: it would lose words unseen', () => {
    const file = join(dir(), 'bai.json');
    writeFileSync(file, Buffer.concat([Buffer.from('{"format":"interview-desk/1","meta":{"headline":"B', 'utf8'), Buffer.from([0xe1, 0xbb]), Buffer.from('"}}', 'utf8')]));
    const run = cli(['import', file, '--data-dir', dir()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`interview-desk: ${file} is not UTF-8 text (a legacy Vietnamese encoding?); save it as UTF-8 and try again\n`);
  });

  it('converts a timed text transcript to agency text, speakers as labels and no times in the text', () => {
    const out = cli(['convert', join(FIXTURES, 'en-stamps.txt'), '--to', 'text', '--time', '2024-05-10T09:00:00+07:00']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toBe(
      [
        'Interview with Dr. Jane Park, hydrologist',
        '',
        '* Reporter: Why is the delta sinking?',
        '',
        '* Jane Park: Mostly groundwater pumping. And sand mining upstream makes it worse. We measured it for ten years.',
        '',
        '* Reporter: What can be done?',
        '',
        '* Jane Park: Stop pumping, and let the river bring silt again.',
        '',
      ].join('\n'),
    );
  });
});
