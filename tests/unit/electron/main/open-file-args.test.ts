/**
 * `.interview` files named on a command line (electron/main/open-file-args.ts): what Windows,
 * Linux and a second launch pass, with the switches Chromium and Electron add.
 */
import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interviewFilesInArgv } from '../../../../electron/main/open-file-args';

describe('interview files in argv', () => {
  it('packaged on Linux: skips the executable, keeps .interview files, resolves relative ones', () => {
    const argv = ['/opt/Interview Desk/interview-desk', 'draft.interview', '/home/an/Tải về/Phỏng vấn ông Hải.interview', 'notes.txt'];
    expect(interviewFilesInArgv(argv, { programArgs: 1, cwd: '/home/an', path: posix })).toEqual(['/home/an/draft.interview', '/home/an/Tải về/Phỏng vấn ông Hải.interview']);
  });

  it('unpackaged (`electron . file`): skips the app path, even if it looks like a file to open', () => {
    expect(interviewFilesInArgv(['/x/electron', '/src/app.interview', 'a.interview'], { programArgs: 2, cwd: '/w', path: posix })).toEqual(['/w/a.interview']);
    expect(interviewFilesInArgv(['/x/electron', '.'], { programArgs: 2, cwd: '/w', path: posix })).toEqual([]);
  });

  it('ignores Chromium and Electron switches, with or without values', () => {
    const argv = [
      '/opt/app/interview-desk',
      '--allow-file-access-from-files',
      '--original-process-start-time=13350000000000000',
      '--user-data-dir=/tmp/evil.interview',
      '--',
      '-psn_0_12345',
      'report.INTERVIEW',
    ];
    expect(interviewFilesInArgv(argv, { programArgs: 1, cwd: '/home/an', path: posix })).toEqual(['/home/an/report.INTERVIEW']);
  });

  it('a second instance on Windows: paths relative to its working directory, drive letters, no repeats', () => {
    const argv = ['C:\\Program Files\\Interview Desk\\Interview Desk.exe', '--allow-file-access-from-files', 'bai.interview', 'D:\\Bài\\phỏng vấn.interview', 'bai.interview'];
    expect(interviewFilesInArgv(argv, { programArgs: 1, cwd: 'C:\\Users\\An\\Documents', path: win32 })).toEqual(['C:\\Users\\An\\Documents\\bai.interview', 'D:\\Bài\\phỏng vấn.interview']);
  });

  it('accepts file:// URLs (Linux desktop entries pass %U) and refuses other URLs', () => {
    const argv = ['/opt/app/interview-desk', 'file:///home/an/Ph%E1%BB%8Fng%20v%E1%BA%A5n.interview', 'https://example.com/x.interview', 'file://remote-host/share/x.interview'];
    expect(interviewFilesInArgv(argv, { programArgs: 1, cwd: '/', path: posix })).toEqual(['/home/an/Phỏng vấn.interview']);
  });

  it('ignores a bare ".interview" name and files that only contain the word', () => {
    expect(interviewFilesInArgv(['/app', '.interview', 'interview', 'x.interview.bak'], { programArgs: 1, cwd: '/w', path: posix })).toEqual([]);
  });
});
