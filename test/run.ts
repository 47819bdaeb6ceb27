/**
 * `npm test`: checks the machine first, then lint, type-check and every vitest project.
 *
 *   npm test                          everything; fails at once, naming what is missing
 *   npm test -- --skip browser        everything but the named project(s), said so in the summary
 *   npm test -- --only unit,infra     only the named project(s), without lint and type-check
 *
 * Any other argument goes to vitest (`npm test -- -t "409"`). A test that vitest reports as
 * skipped (a `.skip`, or a test whose `beforeAll` failed) fails the run: nothing is skipped
 * silently. The checks are in `test/prerequisites.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPrerequisites, PROJECTS, type Project } from './prerequisites';

function parseArgs(argv: string[]) {
  const lists = { skip: [] as string[], only: [] as string[] };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const match = /^--(skip|only)(?:=(.*))?$/.exec(arg);
    if (!match) {
      rest.push(arg);
      continue;
    }
    const value = match[2] ?? argv[++i] ?? '';
    lists[match[1] as 'skip' | 'only'].push(...value.split(',').filter(Boolean));
  }
  const unknown = [...lists.skip, ...lists.only].filter((name) => !PROJECTS.includes(name as Project));
  if (unknown.length > 0) {
    console.error(`Unknown test project: ${unknown.join(', ')}. Projects: ${PROJECTS.join(', ')}.`);
    process.exit(2);
  }
  const chosen = PROJECTS.filter(
    (p) => (lists.only.length === 0 || lists.only.includes(p)) && !lists.skip.includes(p),
  );
  return {
    chosen,
    skipped: PROJECTS.filter((p) => !chosen.includes(p)),
    checks: lists.only.length === 0,
    vitestArgs: rest,
  };
}

const step = (label: string, command: string, args: string[]): void => {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed.`);
    process.exit(result.status ?? 1);
  }
};

interface JsonReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
}

const { chosen, skipped, checks, vitestArgs } = parseArgs(process.argv.slice(2));
const { problems, found } = checkPrerequisites(chosen);
if (problems.length > 0) {
  console.error('npm test cannot run on this machine yet:');
  for (const problem of problems) console.error(`  ✗ ${problem.missing}\n      install: ${problem.install}`);
  console.error(`(to leave a project out on purpose: npm test -- --skip <${PROJECTS.join('|')}>)`);
  process.exit(1);
}
console.log(`Prerequisites found: ${found}`);

const bin = (name: string) => join(import.meta.dirname, '../node_modules/.bin', name);
if (checks) {
  step('lint (biome ci)', bin('biome'), ['ci', '.']);
  step('type-check (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  step('type-check the UI (tsc)', bin('tsc'), ['--noEmit', '-p', 'web/tsconfig.json']);
}

const reportDir = mkdtempSync(join(tmpdir(), 'vitest-report-'));
const reportFile = join(reportDir, 'report.json');
console.log(`\n▶ vitest: ${chosen.join(', ')}`);
const vitest = spawnSync(
  bin('vitest'),
  [
    'run',
    ...chosen.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...vitestArgs,
  ],
  { stdio: 'inherit' },
);

let report: JsonReport | undefined;
try {
  report = JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport;
} catch {
  report = undefined;
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}
const notRun = (report?.testResults ?? []).flatMap((file) =>
  file.assertionResults
    .filter((t) => t.status !== 'passed' && t.status !== 'failed')
    .map((t) => `${t.status}: ${t.fullName} (${file.name.replace(`${process.cwd()}/`, '')})`),
);

console.log('\n── npm test summary ──');
if (report) {
  console.log(
    `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${notRun.length} not run, of ${report.numTotalTests}`,
  );
}
console.log(`projects run: ${chosen.join(', ')}`);
if (skipped.length > 0) console.log(`projects left out at your request: ${skipped.join(', ')}`);
if (notRun.length > 0) {
  console.error('Tests that did not run count as failures:');
  for (const line of notRun.slice(0, 20)) console.error(`  ${line}`);
  if (notRun.length > 20) console.error(`  … and ${notRun.length - 20} more`);
}
const ok = vitest.status === 0 && notRun.length === 0 && report !== undefined;
console.log(ok ? '✓ all passed' : '✗ failed');
process.exit(ok ? 0 : 1);
