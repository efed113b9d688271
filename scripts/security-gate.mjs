// Security gate (part of `npm test`): run @doyensec/electronegativity over the app's sources and
// fail on any finding that is not in the reviewed allow-list, security/electronegativity-allowlist.json.
//
// The tool always exits 0, whatever it finds, so this script reads its SARIF report instead. It
// runs offline: the tool's attempts to fetch translations and Electron's release list fail with
// a warning and change nothing (the Electron version is given with -e).
//
//   node scripts/security-gate.mjs                      scan the sources
//   node scripts/security-gate.mjs --input <dir>        scan another folder (tests use this)
//   node scripts/security-gate.mjs --report <x.sarif>   judge an existing report without scanning
//   node scripts/security-gate.mjs --allowlist <file>   use another allow-list
//
// An allow-list entry names a check and a file, says why the finding is acceptable, and how many
// such findings the file may have (`count`, default 1). The list must match the findings exactly:
// a finding beyond it fails, and so does an entry that no longer matches anything (remove it).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ELECTRON_VERSION = '45.5.0';
/** What ships as source: the shell, the backend it bundles, the renderer and the shared code. */
const SOURCES = ['electron', 'renderer', 'shared', 'package.json'];
/** Findings the tool reports for the application as a whole carry no file. */
const APPLICATION_WIDE = '(application-wide)';

const { values: options } = parseArgs({
  options: {
    input: { type: 'string' },
    report: { type: 'string' },
    allowlist: { type: 'string', default: 'security/electronegativity-allowlist.json' },
  },
});

/** A reason the gate cannot judge (tool failed, unreadable allow-list): reported, then exit 1. */
class GateError extends Error {}
function fail(message) {
  throw new GateError(message);
}

/** Copy the sources to `stage`, so the scan sees neither builds nor tests nor node_modules. */
function stageSources(stage) {
  for (const entry of SOURCES) {
    cpSync(entry, join(stage, entry), { recursive: true, filter: (src) => !src.split(/[\\/]/).includes('node_modules') });
  }
  return stage;
}

function runElectronegativity(input, report) {
  const tool = createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js');
  const run = spawnSync(process.execPath, [tool, '-i', input, '-e', ELECTRON_VERSION, '-r', '-v', 'false', '-o', report], { encoding: 'utf8' });
  if (run.status !== 0 || !existsSync(report)) {
    fail(`electronegativity did not complete (exit ${run.status}).\n${run.stdout}\n${run.stderr}`);
  }
  return report;
}

/** The findings of a SARIF report as { check, file, line, message }. */
function readFindings(report) {
  const sarif = JSON.parse(readFileSync(report, 'utf8'));
  const run = sarif.runs?.[0];
  if (!run || !Array.isArray(run.results)) fail(`${report} is not a SARIF report of electronegativity.`);
  return run.results.map((r) => {
    const location = r.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation?.uri;
    return {
      check: r.ruleId,
      file: !uri || uri === 'file:///' ? APPLICATION_WIDE : uri.replaceAll('\\', '/'),
      line: location?.region?.startLine ?? 0,
      message: r.message?.text ?? '',
    };
  });
}

function readAllowList(file) {
  let list;
  try {
    list = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    fail(`cannot read the allow-list ${file}: ${err.message}`);
  }
  const entries = list?.allowed;
  if (!Array.isArray(entries)) fail(`${file} must hold { "allowed": [ … ] }.`);
  for (const [i, e] of entries.entries()) {
    const where = `${file}, entry ${i + 1}`;
    if (typeof e.check !== 'string' || typeof e.file !== 'string') fail(`${where}: "check" and "file" are required.`);
    if (typeof e.reason !== 'string' || e.reason.trim().length < 20) fail(`${where} (${e.check} in ${e.file}): state the reason the finding is acceptable.`);
    if (e.count !== undefined && !(Number.isInteger(e.count) && e.count > 0)) fail(`${where}: "count" must be a positive whole number.`);
  }
  return entries.map((e) => ({ ...e, count: e.count ?? 1 }));
}

const key = (check, file) => `${check} ${file}`;

/** Compare findings with the allow-list: what is not allowed, and what is allowed but not found. */
function judge(findings, allowed) {
  const byKey = new Map();
  for (const f of findings) byKey.set(key(f.check, f.file), [...(byKey.get(key(f.check, f.file)) ?? []), f]);
  const unexpected = [];
  const stale = [];
  for (const [k, group] of byKey) {
    const entry = allowed.find((e) => key(e.check, e.file) === k);
    if (!entry) unexpected.push(...group);
    else if (group.length > entry.count) unexpected.push(...group.slice(entry.count));
  }
  for (const e of allowed) {
    const found = byKey.get(key(e.check, e.file))?.length ?? 0;
    if (found < e.count) stale.push({ ...e, found });
  }
  return { unexpected, stale };
}

const scratch = mkdtempSync(join(tmpdir(), 'security-gate-'));
try {
  const report = options.report ?? runElectronegativity(options.input ? resolve(options.input) : stageSources(join(scratch, 'src')), join(scratch, 'report.sarif'));
  const findings = readFindings(report);
  const allowed = readAllowList(options.allowlist);
  const { unexpected, stale } = judge(findings, allowed);

  const describe = (f) => `  ${f.check}  ${f.file}${f.file !== APPLICATION_WIDE && f.line ? `:${f.line}` : ''}  ${f.message}`;
  console.log(`electronegativity (Electron ${ELECTRON_VERSION}): ${findings.length} finding(s), ${findings.length - unexpected.length} allowed by ${options.allowlist}`);
  if (unexpected.length > 0) {
    console.error(`\nNot allowed:\n${unexpected.map(describe).join('\n')}`);
    console.error(`\nFix the code; or, if a finding is reviewed and acceptable, add it to ${options.allowlist} with its reason.`);
  }
  if (stale.length > 0) {
    console.error(`\nAllowed but not found (remove the entry or lower its count):\n${stale.map((e) => `  ${e.check}  ${e.file}  allowed ${e.count}, found ${e.found}`).join('\n')}`);
  }
  if (unexpected.length > 0 || stale.length > 0) process.exitCode = 1;
} catch (err) {
  if (!(err instanceof GateError)) throw err;
  console.error(`security gate: ${err.message}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
