/**
 * The security gate (scripts/security-gate.mjs) run as `npm test` runs it: it fails on findings
 * outside the reviewed allow-list, on allow-list entries without a reason or without a finding,
 * and — scanning for real, offline — on an insecure window.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = () => mkdtempSync(join(tmpdir(), 'security-gate-test-'));

function gate(args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/security-gate.mjs', ...args], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** A SARIF report as electronegativity writes it. */
function report(results: [check: string, uri: string, line: number][]): string {
  const file = join(dir(), 'report.sarif');
  const sarif = {
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'Electronegativity' } }, results: results.map(([ruleId, uri, startLine]) => ({ ruleId, level: 'note', message: { text: `Review ${ruleId}` }, locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine } } }] })) }],
  };
  writeFileSync(file, JSON.stringify(sarif));
  return file;
}

function allowList(allowed: object[]): string {
  const file = join(dir(), 'allow.json');
  writeFileSync(file, JSON.stringify({ allowed }));
  return file;
}

const REASON = 'Reviewed: the preload is sandboxed and exposes named functions only.';

describe('security gate', () => {
  it('passes when every finding is allowed', () => {
    const r = report([
      ['PRELOAD_JS_CHECK', 'electron/main/window.ts', 40],
      ['CSP_GLOBAL_CHECK', 'file:///', 1],
    ]);
    const a = allowList([
      { check: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts', reason: REASON },
      { check: 'CSP_GLOBAL_CHECK', file: '(application-wide)', reason: REASON },
    ]);
    const { status, output } = gate(['--report', r, '--allowlist', a]);
    expect(output).toContain('2 finding(s), 2 allowed');
    expect(status).toBe(0);
  });

  it('fails on a finding that is not allowed, naming check, file and line', () => {
    const r = report([['NODE_INTEGRATION_JS_CHECK', 'electron/main/window.ts', 12]]);
    const { status, output } = gate(['--report', r, '--allowlist', allowList([])]);
    expect(status).toBe(1);
    expect(output).toContain('NODE_INTEGRATION_JS_CHECK  electron/main/window.ts:12');
  });

  it('fails when a file has more findings of a check than its entry allows', () => {
    const r = report([
      ['OPEN_EXTERNAL_JS_CHECK', 'electron/main/external-links.ts', 14],
      ['OPEN_EXTERNAL_JS_CHECK', 'electron/main/external-links.ts', 20],
    ]);
    const a = allowList([{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/external-links.ts', reason: REASON }]);
    const { status, output } = gate(['--report', r, '--allowlist', a]);
    expect(status).toBe(1);
    expect(output).toContain('external-links.ts:20');
    expect(gate(['--report', r, '--allowlist', allowList([{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/external-links.ts', count: 2, reason: REASON }])]).status).toBe(0);
  });

  it('fails on an allow-list entry that matches nothing any more', () => {
    const a = allowList([{ check: 'PRELOAD_JS_CHECK', file: 'electron/main/old-window.ts', reason: REASON }]);
    const { status, output } = gate(['--report', report([]), '--allowlist', a]);
    expect(status).toBe(1);
    expect(output).toContain('Allowed but not found');
  });

  it('refuses an allow-list entry without a reason, and a report it cannot read', () => {
    const noReason = allowList([{ check: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts' }]);
    expect(gate(['--report', report([['PRELOAD_JS_CHECK', 'electron/main/window.ts', 1]]), '--allowlist', noReason])).toMatchObject({ status: 1, output: expect.stringContaining('state the reason') });
    const broken = join(dir(), 'broken.sarif');
    writeFileSync(broken, '{"runs": []}');
    expect(gate(['--report', broken, '--allowlist', allowList([])]).status).toBe(1);
  });

  it('scans offline and catches an insecure window', { timeout: 90_000 }, () => {
    const src = dir();
    mkdirSync(join(src, 'main'));
    writeFileSync(
      join(src, 'main', 'index.ts'),
      "import { BrowserWindow } from 'electron';\nexport const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const { status, output } = gate(['--input', src, '--allowlist', allowList([])]);
    expect(status).toBe(1);
    expect(output).toContain('CONTEXT_ISOLATION_JS_CHECK  main/index.ts:2');
    expect(output).toContain('SANDBOX_JS_CHECK  main/index.ts:2');
    expect(output).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
  });
});
