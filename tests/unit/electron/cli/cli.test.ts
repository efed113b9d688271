/**
 * The command-line tool as a user runs it: `node bin/interview-desk.js …` in a child process, on
 * the agency-style fixture interview (tests/fixtures/agency-interview.txt) and on temporary libraries.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { putImageAsset } from '../../../../electron/backend/assets';
import { loadDocument, saveDocument } from '../../../../electron/backend/documents';
import { saveDestinations } from '../../../../electron/backend/newsroom';
import { suggest } from '../../../../shared/review';
import { openLibrarySession } from '../../../../electron/backend/library-session';
import type { Interview, Photo } from '../../../../shared/model/schema';
import { validateInterview } from '../../../../shared/model/validate';
import { dirsPerTest } from '../../../helpers/dirs-per-test';
import { readIptc7901 } from '../../../helpers/iptc7901-layout';
import { readNinjsAsSuperdesk, readNitfAsSuperdesk } from '../../../helpers/superdesk-readers';
import { assertValidNewsmlG2, assertValidNinjs, assertValidNitf, assertValidNitfNoNamespace, assertWellFormed } from '../../../helpers/xml-validators';
import { solidPng } from '../../../helpers/images';
import { FIXTURE_INTERVIEW } from '../../../helpers/material';

// Each test runs the CLI as child processes (node + tsx, ~1 s each): slow on a loaded machine, not stuck.
vi.setConfig({ testTimeout: 60_000 });

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
// An agency article: section, headline, photos with credits, 9 turns, a byline, then web chrome.
const ARTICLE = FIXTURE_INTERVIEW;
const TIME = '2024-05-10T09:00:00+07:00';

interface Run {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

function cli(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Run {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/interview-desk.js'), ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}

/** A failure as a script calling the CLI needs it: a non-zero exit and one line of reason on stderr. */
function expectOneLineFailure(run: Run, code: number, reason: RegExp): void {
  expect(run.status, run.stderr).toBe(code);
  expect(run.stderr).toMatch(/^interview-desk: [^\n]+\n$/);
  expect(run.stderr).toMatch(reason);
}

/** The article up to and including its byline line; the web chrome after it is not part of the story. */
function articleUpToByline(): Buffer {
  const text = readFileSync(ARTICLE);
  const byline = '\nMinh Trang\n';
  return text.subarray(0, text.indexOf(byline) + Buffer.byteLength(byline));
}

const dir = dirsPerTest('interview-desk-cli-');

describe('convert', () => {
  it('gives the article back as agency text, byte for byte up to its byline', () => {
    const run = cli(['convert', ARTICLE, '--to', 'text']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.equals(articleUpToByline())).toBe(true);
    expect(run.stderr).toBe('');
  });

  const validators: Array<[string, (out: Buffer) => void]> = [
    ['nitf', (out) => assertValidNitf(out.toString('utf8'))],
    ['nitf-nons', (out) => assertValidNitfNoNamespace(out.toString('utf8'))],
    ['newsml', (out) => assertValidNewsmlG2(out.toString('utf8'))],
    ['ninjs', (out) => assertValidNinjs(out.toString('utf8'), '3.1')],
    ['ninjs2', (out) => assertValidNinjs(out.toString('utf8'), '2.2')],
    ['ninjs-superdesk', (out) => expect(readNinjsAsSuperdesk(out.toString('utf8')).headline).toMatch(/^Quảng Ngãi: Đưa nước sạch về các xã vùng cao/)],
    ['iptc7901', (out) => expect(readIptc7901(out).headlineLines.join(' ')).toMatch(/^Quang Ngai: Dua nuoc sach ve cac xa vung cao/)],
    ['html', (out) => assertWellFormed(out.toString('utf8'))],
    ['json', (out) => expect(validateInterview(JSON.parse(out.toString('utf8'))).ok).toBe(true)],
  ];

  it.each(validators)('writes the article as valid %s with --force, saying what it overrode', (format, validate) => {
    const out = join(dir(), `seed.${format}`);
    const run = cli(['convert', ARTICLE, '--to', format, '--force', '--time', TIME, '-o', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.length).toBe(0);
    validate(readFileSync(out));
    // Its three photos have no images: wire formats were written despite preflight, and it says so.
    if (format !== 'json') expect(run.stderr).toMatch(/^interview-desk: converted despite 3 errors and \d warnings? \(interview-desk check lists them\)\n$/);
  });

  it('refuses a wire format while preflight finds errors, and names --force', () => {
    const run = cli(['convert', ARTICLE, '--to', 'nitf']);
    expectOneLineFailure(run, 1, /not converted: preflight found 3 errors .*Photo 1 has no image attached.*--force converts anyway \(photos without an image are then exported without a picture file\)/);
    expect(run.stdout.length).toBe(0);
  });

  it('reads stdin and writes stdout, with the same bytes as from the file', () => {
    const fromFile = cli(['convert', ARTICLE, '--to', 'newsml', '--force', '--time', TIME, '--id', 'seed-000']);
    const fromStdin = cli(['convert', '-', '--to', 'newsml', '--force', '--time', TIME, '--id', 'seed-000'], { input: readFileSync(ARTICLE) });
    expect(fromStdin.status, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout.length).toBeGreaterThan(1000);
    expect(fromStdin.stdout.equals(fromFile.stdout)).toBe(true);
    assertValidNewsmlG2(fromStdin.stdout.toString('utf8'));

    const text = cli(['convert', '-', '--to', 'text'], { input: readFileSync(ARTICLE) });
    expect(text.stdout.equals(articleUpToByline())).toBe(true);
  });

  it('refuses text that is not UTF-8', () => {
    const latin = Buffer.from('* Phóng viên: Xin chào?\n', 'latin1');
    expectOneLineFailure(cli(['convert', '-', '--to', 'text'], { input: latin }), 1, /the input is not UTF-8 text/);
  });
});

describe('check', () => {
  it('lists the article’s preflight findings one a line and fails on its errors', () => {
    const run = cli(['check', ARTICLE]);
    expectOneLineFailure(run, 1, /3 errors and 0 warnings/);
    expect(run.stdout.toString('utf8')).toBe(
      [
        'error\tphoto.no-image\tPhoto 1 has no image attached.',
        'error\tphoto.no-image\tPhoto 2 has no image attached.',
        'error\tphoto.no-image\tPhoto 3 has no image attached.',
        // Tone marks and spelling, at the file's line:column: the article's one misplaced mark.
        'note\ttext.misplaced-tone\t27:110 khaỏ → khảo',
        // The web page's links after the byline (lines 50–52 of the file), left out and said so.
        'note\timport.furniture-dropped\tLines 50–52: left out as page furniture: "Tin liên quan"',
        '',
      ].join('\n'),
    );
    // IPTC 7901 carries the headline whole on its STX line: the article's 97 characters are fine there too.
    expect(cli(['check', ARTICLE, '--format', 'iptc7901']).stdout.toString('utf8')).not.toMatch(/headline\.too-long/);
  });

  it('checks tone marks in the house style asked for', () => {
    const text = 'Phóng viên: Ông thấy sức khỏe của hòa bình ra sao?\nÔng Hải: Khoẻ, hoà thuận.\n';
    const notes = (args: string[]) => cli(['check', '-', ...args], { input: text }).stdout.toString('utf8').split('\n').filter((l) => l.includes('text.house-style'));
    // traditional by default: the modern spellings are flagged, with their traditional forms
    expect(notes([]).join('\n')).toMatch(/Khoẻ → Khỏe/);
    expect(notes([]).join('\n')).toMatch(/hoà → hòa/);
    // modern: the other way round
    const modern = notes(['--style', 'modern']).join('\n');
    expect(modern).toMatch(/khỏe → khoẻ/);
    expect(modern).toMatch(/hòa → hoà/);
    expect(modern).not.toMatch(/Khoẻ →/);
    const bad = cli(['check', '-', '--style', 'new'], { input: text });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--style must be traditional or modern, not "new"/);
  });
});

describe('what the importer was unsure of', () => {
  it('check and import say it, one finding a line with its line number', () => {
    // Dash-only questions and answers: no speaker is printed anywhere.
    const text = 'Nông dân trồng lúa trên mái nhà\n\n- Mô hình bắt đầu thế nào?\n\n- Từ sáu thùng xốp và ít lúa giống.\n\n- Có lãi không?\n\n- Chưa, nhưng tòa nhà đỡ nóng hẳn.\n';
    const checked = cli(['check', '-'], { input: text }).stdout.toString('utf8').split('\n').filter((l) => l.includes('\timport.'));
    expect(checked).toEqual([
      'note\timport.placeholder-speaker\tLine 3: turns with no printed speaker were given the placeholder "Phóng viên": rename it',
      'note\timport.placeholder-speaker\tLine 5: turns with no printed speaker were given the placeholder "Khách mời": rename it',
    ]);
    const data = dir();
    const imported = cli(['import', '-', '--data-dir', data], { input: text });
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('interview-desk: Line 3: turns with no printed speaker were given the placeholder "Phóng viên": rename it\n');
  });
});

describe('the library commands', () => {
  it('import, list and export round trip on a data folder, pictures included', async () => {
    const data = dir();
    const imported = cli(['import', ARTICLE, '--data-dir', data]);
    expect(imported.status, imported.stderr).toBe(0);
    const id = imported.stdout.toString('utf8').trim();
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);

    const listed = cli(['list', '--data-dir', data]);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout.toString('utf8')).toMatch(new RegExp(`^${id}\\tdraft\\t[0-9T:.Z-]+\\tQuảng Ngãi: Đưa nước sạch về các xã vùng cao, vượt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra\\n$`));

    const out = dir();
    const text = cli(['export', id, '--format', 'text', '-o', out, '--data-dir', data]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout.toString('utf8')).toBe(`${join(out, `interview-${id}.txt`)}\n`);
    expect(readFileSync(join(out, `interview-${id}.txt`)).equals(articleUpToByline())).toBe(true);

    // The text's photos have no images yet: the wire export is refused.
    expectOneLineFailure(cli(['export', id, '--format', 'newsml', '-o', out, '--data-dir', data]), 1, /not exported: preflight found 3 errors/);

    // Attach images as the app would (red, blue, red), then export again.
    const red = solidPng(4, 3, [200, 30, 30]);
    const blue = solidPng(3, 2, [30, 30, 200]);
    const session = await openLibrarySession(data);
    try {
      const [r, b] = [putImageAsset(session.ctx, red.toString('base64')).id, putImageAsset(session.ctx, blue.toString('base64')).id];
      const { doc, revision } = loadDocument(session.ctx, id);
      photos(doc).forEach((p, i) => (p.assetId = i % 2 === 0 ? r : b));
      saveDocument(session.ctx, id, revision, doc);
    } finally {
      session.close();
    }
    const pictures = dir();
    // The article's misplaced mark (`khaỏ`) is a house-style warning: it stops the export until accepted.
    expectOneLineFailure(cli(['export', id, '--format', 'newsml', '-o', pictures, '--data-dir', data]), 1, /khaỏ → khảo/);
    const wire = cli(['export', id, '--format', 'newsml', '-o', pictures, '--data-dir', data, '--accept-warnings']);
    expect(wire.status, wire.stderr).toBe(0);
    // Picture files are named by the sha-256 of their bytes (shared/export/options.ts).
    const pictureName = (bytes: Buffer) => `${createHash('sha256').update(bytes).digest('hex')}.png`;
    const [redFile, blueFile] = [pictureName(red), pictureName(blue)];
    expect(wire.stdout.toString('utf8')).toBe([redFile, blueFile, `interview-${id}.xml`].map((f) => `${join(pictures, f)}\n`).join(''));
    expect(readdirSync(pictures).sort()).toEqual([redFile, blueFile, `interview-${id}.xml`].sort());
    expect(readFileSync(join(pictures, redFile)).equals(red)).toBe(true);
    expect(readFileSync(join(pictures, blueFile)).equals(blue)).toBe(true);
    const xml = readFileSync(join(pictures, `interview-${id}.xml`), 'utf8');
    assertValidNewsmlG2(xml);
    expect(xml).toContain(`href="${redFile}"`);
  });

  /** The article in a new library with images attached (red, blue, red), as the app would have them. */
  async function storedArticle(): Promise<{ data: string; id: string; red: Buffer; blue: Buffer }> {
    const data = dir();
    const id = cli(['import', ARTICLE, '--data-dir', data]).stdout.toString('utf8').trim();
    const red = solidPng(4, 3, [200, 30, 30]);
    const blue = solidPng(3, 2, [30, 30, 200]);
    const session = await openLibrarySession(data);
    try {
      const [r, b] = [putImageAsset(session.ctx, red.toString('base64')).id, putImageAsset(session.ctx, blue.toString('base64')).id];
      const { doc, revision } = loadDocument(session.ctx, id);
      photos(doc).forEach((p, i) => (p.assetId = i % 2 === 0 ? r : b));
      doc.meta.slug = 'quang-ngai';
      saveDocument(session.ctx, id, revision, doc);
    } finally {
      session.close();
    }
    return { data, id, red, blue };
  }
  const png = (bytes: Buffer) => `${createHash('sha256').update(bytes).digest('hex')}.png`;

  it('exports agency text from the accepted view, and refuses it while suggestions are pending', async () => {
    const { data, id } = await storedArticle();
    const session = await openLibrarySession(data);
    try {
      const { doc, revision } = loadDocument(session.ctx, id);
      const suggested = suggest(doc, [{ type: 'replaceText', at: { path: [1], offset: 0 }, length: 5, text: 'VNA' }], { id: 'ed', name: 'Lan' }, () => '2026-01-01T00:00:00.000Z');
      saveDocument(session.ctx, id, revision, suggested);
    } finally {
      session.close();
    }
    const refused = cli(['export', id, '--format', 'text', '-o', '-', '--data-dir', data]);
    expectOneLineFailure(refused, 1, /not exported: preflight found 1 error .*suggested change/);
    expect(refused.stdout.length).toBe(0);
  });

  it('shapes an export for Superdesk from the profile flags: the story at the top, its pictures in pictures/', async () => {
    const { data, id, red, blue } = await storedArticle();
    const out = dir();
    const base = 'https://media.example.org/drop/pictures/';
    const run = cli(['export', id, '--format', 'nitf-nons', '--receiver', 'superdesk', '--picture-base-url', base, '-o', out, '--data-dir', data, '--accept-warnings']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.toString('utf8')).toBe([`pictures/${png(red)}`, `pictures/${png(blue)}`, 'quang-ngai.xml'].map((f) => `${join(out, f)}\n`).join(''));
    expect(readdirSync(out).sort()).toEqual(['pictures', 'quang-ngai.xml']);
    expect(readFileSync(join(out, 'pictures', png(red))).equals(red)).toBe(true);
    const story = readNitfAsSuperdesk(readFileSync(join(out, 'quang-ngai.xml'), 'utf8'));
    expect(story.subjects).toEqual(['04001000']);
    expect(story.pictures.map((p) => p.href)).toEqual([png(red), png(blue), png(red)].map((f) => base + f));

    // Namespaced NITF is not a format Superdesk ingests: refused before anything is written.
    expectOneLineFailure(cli(['export', id, '--format', 'nitf', '--receiver', 'superdesk', '-o', dir(), '--data-dir', data]), 2, /not a format Superdesk ingests whole/);
  });

  it('sends to a destination saved in the library, as the app’s Send does', async () => {
    const { data, id, red } = await storedArticle();
    const drop = dir();
    const session = await openLibrarySession(data);
    try {
      saveDestinations(session.ctx, [{ id: 'd1', name: 'Superdesk Đà Nẵng', format: 'ninjs-superdesk', folder: drop, receiver: 'superdesk', pictureLayout: 'subfolder', pictureBaseUrl: 'https://pics.example.org/' }]);
    } finally {
      session.close();
    }
    expectOneLineFailure(cli(['export', id, '--destination', 'Desk', '--data-dir', data]), 1, /no destination called "Desk" \(the library has: Superdesk Đà Nẵng\)/);
    const sent = cli(['export', id, '--destination', 'superdesk đà nẵng', '--data-dir', data, '--accept-warnings']);
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.stdout.toString('utf8').trim().split('\n').at(-1)).toBe(join(drop, 'quang-ngai.json'));
    expect(readdirSync(drop).sort()).toEqual(['pictures', 'quang-ngai.json']);
    const story = readNinjsAsSuperdesk(readFileSync(join(drop, 'quang-ngai.json'), 'utf8'));
    expect(story.associations.featuremedia!.href).toBe(`https://pics.example.org/${png(red)}`);
  });

  it('imports an interview’s JSON from stdin, as convert --to json writes it', () => {
    const data = dir();
    const json = cli(['convert', ARTICLE, '--to', 'json']).stdout;
    const imported = cli(['import', '-', '--data-dir', data], { input: json });
    expect(imported.status, imported.stderr).toBe(0);
    const id = imported.stdout.toString('utf8').trim();
    const back = cli(['export', id, '--format', 'text', '-o', '-', '--data-dir', data]);
    expect(back.stdout.equals(articleUpToByline())).toBe(true);
  });

  it('exports a document’s recording times as WebVTT and SRT subtitles', () => {
    const data = dir();
    const doc = JSON.parse(cli(['convert', ARTICLE, '--to', 'json']).stdout.toString('utf8')) as Interview;
    const [question, answer] = doc.body.filter((b) => b.type === 'turn');
    if (question?.type !== 'turn' || question.children[0]?.type !== 'paragraph' || answer?.type !== 'turn' || answer.children[0]?.type !== 'paragraph') throw new Error('the article opens with two turns');
    question.children[0].time = { startMs: 83_000, endMs: 86_500 };
    answer.children[0].time = { startMs: 87_000 };
    const label = doc.participants.find((p) => p.id === question.speakerId)!.label;
    const text = question.children[0].children.map((l) => l.text).join('');
    const id = cli(['import', '-', '--data-dir', data], { input: JSON.stringify(doc) }).stdout.toString('utf8').trim();
    // The intro before the first time is left out: said, and exported once that is accepted.
    const refused = cli(['export', id, '--format', 'vtt', '-o', '-', '--data-dir', data]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('before the first time are not in the subtitles');
    const vtt = cli(['export', id, '--format', 'vtt', '-o', '-', '--accept-warnings', '--data-dir', data]);
    expect(vtt.status, vtt.stderr).toBe(0);
    const cues = vtt.stdout.toString('utf8').split('\n\n');
    expect(cues.slice(0, 3)).toEqual(['WEBVTT', 'NOTE language: vi', `1\n00:01:23.000 --> 00:01:26.500\n<v ${label}>${text}`]);
    // The answer's untimed paragraphs run on in its cue, up to the end of the story.
    expect(cues[3]).toMatch(/^2\n00:01:27\.000 --> /);
    expect(cues.length).toBe(4);
    expect(cues[3]!.endsWith('\n')).toBe(true);
    const srt = cli(['export', id, '--format', 'srt', '-o', '-', '--accept-warnings', '--data-dir', data]);
    expect(srt.stdout.toString('utf8').startsWith(`1\n00:01:23,000 --> 00:01:26,500\n${label}: ${text}\n\n2\n00:01:27,000 --> `)).toBe(true);
  });

  it('will not touch a library the app has open, and says so in one line', () => {
    const data = dir();
    expect(cli(['import', ARTICLE, '--data-dir', data]).status).toBe(0);
    // The app holds the lock: a live process (this test's) owns it.
    writeFileSync(join(data, 'library.lock'), String(process.pid));
    for (const args of [['list'], ['import', ARTICLE], ['export', 'x', '--format', 'text', '-o', dir()]]) {
      expectOneLineFailure(cli([...args, '--data-dir', data]), 1, /the library in .* is open in Interview Desk \(process \d+\); close the app, or browser mode, and try again/);
    }
    expect(readFileSync(join(data, 'library.lock'), 'utf8')).toBe(String(process.pid));
  });

  it('unlock removes the lock a crash left, and refuses while the owner runs', () => {
    const data = dir();
    expect(cli(['import', ARTICLE, '--data-dir', data]).status).toBe(0);
    writeFileSync(join(data, 'library.lock'), String(process.pid)); // this test's process: running
    expectOneLineFailure(cli(['unlock', '--data-dir', data]), 1, /is open in a running Interview Desk \(process \d+\); close it instead of unlocking/);
    expect(existsSync(join(data, 'library.lock'))).toBe(true);
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(data, 'library.lock'), gone);
    const unlocked = cli(['unlock', '--data-dir', data]);
    expect(unlocked.status, unlocked.stderr).toBe(0);
    expect(unlocked.stdout.toString('utf8')).toBe(`unlocked ${data}\n`);
    expect(existsSync(join(data, 'library.lock'))).toBe(false);
    expect(cli(['list', '--data-dir', data]).status).toBe(0);
  });

  it('does not create a library for list or export, and uses the app’s folder by default', () => {
    const nowhere = join(dir(), 'missing');
    expectOneLineFailure(cli(['list', '--data-dir', nowhere]), 1, /no library in .*missing/);
    expect(existsSync(nowhere)).toBe(false);
    if (process.platform === 'linux') {
      const config = dir();
      expectOneLineFailure(cli(['list'], { env: { XDG_CONFIG_HOME: config } }), 1, new RegExp(`no library in ${config}/Interview Desk`));
    }
  });
});

describe('bad arguments', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['no command', [], /no command given/],
    ['an unknown command', ['publish'], /unknown command "publish"/],
    ['an unknown option', ['convert', ARTICLE, '--to', 'nitf', '--colour'], /convert: unknown option --colour/],
    ['an unknown format', ['convert', ARTICLE, '--to', 'rtf'], /unknown format "rtf" for --to: use one of text\|nitf\|nitf-nons\|newsml\|ninjs\|ninjs2\|ninjs-superdesk\|iptc7901\|html\|docx\|docx-clean\|vtt\|srt\|json/],
    ['no format', ['convert', ARTICLE], /--to is required/],
    ['no input', ['convert', '--to', 'nitf'], /convert takes <input>, got none/],
    ['two inputs', ['check', ARTICLE, ARTICLE], /check takes <input>, got/],
    ['export without -o', ['export', 'x', '--format', 'nitf'], /export needs -o <folder>/],
    ['export without a format', ['export', 'x', '-o', '-'], /export needs --format <format> \(or --destination <name>\)/],
    ['a destination with a format', ['export', 'x', '--destination', 'Desk', '--format', 'nitf'], /--destination brings its own format and profile/],
    ['a bad time', ['convert', ARTICLE, '--to', 'nitf', '--time', 'yesterday'], /--time must be an ISO 8601 date-time/],
  ];
  it.each(cases)('%s: exit 2 and one line on stderr', (_what, args, reason) => {
    const run = cli(args);
    expectOneLineFailure(run, 2, reason);
    expect(run.stdout.length).toBe(0);
  });

  it('a missing file: exit 1 and one line', () => {
    expectOneLineFailure(cli(['convert', join(dir(), 'nope.txt'), '--to', 'text']), 1, /nope\.txt: no such file/);
  });
});

describe('launchers', () => {
  it('runs as npx interview-desk and npm run cli', () => {
    for (const [command, args] of [
      ['npx', ['--no', '--', 'interview-desk', '--help']],
      ['npm', ['run', '--silent', 'cli', '--', '--help']],
    ] as const) {
      const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: process.env });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Usage: interview-desk <command>/);
    }
  });
});

function photos(doc: Interview): Photo[] {
  return doc.body.flatMap((b) => (b.type === 'photo' ? [b] : b.type === 'turn' ? b.children.filter((c): c is Photo => c.type === 'photo') : []));
}
