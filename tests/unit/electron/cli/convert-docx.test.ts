/**
 * A Word document through the command line as a user runs it: `convert` reads it with the same
 * importer as the app (our styles here: turns by their speaker runs) and writes agency text; a
 * file that is not a Word document is refused with the reason.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportDocx } from '../../../../shared/export/docx';
import { acceptedView } from '../../../../shared/review';
import { tempDir } from '../../../helpers/temp-library';
import { reviewedDocument, reviewedOptions } from '../../shared/export/docx/reviewed-document';

vi.setConfig({ testTimeout: 60_000 });

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/interview-desk.js'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout.toString('utf8'), stderr: run.stderr.toString('utf8') };
}

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('interview-desk convert and Word documents', () => {
  it('converts a Word document to agency text, turn by turn', () => {
    const t = tempDir('interview-desk-docx-');
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'bai.docx');
    writeFileSync(file, exportDocx(acceptedView(reviewedDocument()), reviewedOptions(), 'clean'));
    const run = cli(['convert', file, '--to', 'text']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Ông Nguyễn Thanh Hải: Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc.');
    expect(run.stdout).toContain('Phóng viên: Trân trọng cảm ơn ông!');
  });

  it('refuses a .docx that is not a Word document', () => {
    const t = tempDir('interview-desk-docx-');
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'bai.docx');
    writeFileSync(file, 'Phóng viên: Xin chào');
    const run = cli(['convert', file, '--to', 'text']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('is not a Word document');
  });
});
