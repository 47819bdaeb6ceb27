/**
 * What `npm test` needs beyond `npm ci`, checked before anything runs (README "The two commands"):
 * Node 20.19+ (22 and 24 too), Java 17+ for DynamoDB Local, Debian's Chromium for the browser
 * project. Each missing piece is named with the one command that installs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECTS = ['unit', 'functions', 'workflows', 'integration', 'infra', 'browser'] as const;
export type Project = (typeof PROJECTS)[number];

/** The projects that start DynamoDB Local (Java) or drive Chromium. */
const needsJava: readonly Project[] = ['workflows', 'integration', 'browser'];
const needsChromium: readonly Project[] = ['browser'];

export interface Missing {
  missing: string;
  install: string;
}

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const versionOf = (command: string, args: string[]): string | undefined => {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) return undefined;
  return `${result.stdout}${result.stderr}`;
};

export const javaMajor = (): number | undefined => {
  const output = versionOf('java', ['-version']);
  const match = output && /version "(?:1\.)?(\d+)/.exec(output);
  return match ? Number(match[1]) : undefined;
};

/** The first line Chromium prints (Debian's wrapper script may add shell noise on stderr). */
export const chromiumVersion = (): string | undefined =>
  versionOf(chromiumPath(), ['--version'])
    ?.split('\n')
    .find((line) => /chromium/i.test(line))
    ?.trim();

function nodeProblem(): Missing | undefined {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 20 || (major === 20 && minor >= 19)) return undefined;
  return {
    missing: `Node ${process.versions.node} is too old: Node 20.19 or later (22, 24) is needed`,
    install: 'see https://nodejs.org/en/download (or your distribution’s nodejs package)',
  };
}

/** What is missing, and one line naming what was found (each tool asked once). */
export function checkPrerequisites(projects: readonly Project[]): { problems: Missing[]; found: string } {
  const problems: Missing[] = [];
  const found = [`Node ${process.versions.node}`];
  const node = nodeProblem();
  if (node) problems.push(node);
  if (!existsSync(join(import.meta.dirname, '../node_modules/.bin/vitest'))) {
    problems.push({ missing: 'the npm packages are not installed', install: 'npm ci' });
  }
  if (projects.some((p) => needsJava.includes(p))) {
    const major = javaMajor();
    if (major === undefined || major < 17) {
      problems.push({
        missing: `Java 17 or later (DynamoDB Local) ${major === undefined ? 'was not found' : `is ${major}`}, for the ${needsJava.filter((p) => projects.includes(p)).join(', ')} tests`,
        install: 'sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless',
      });
    } else found.push(`Java ${major}`);
  }
  if (projects.some((p) => needsChromium.includes(p))) {
    const chromium = chromiumVersion();
    if (chromium === undefined) {
      problems.push({
        missing: `Chromium was not found at ${chromiumPath()} (set CHROMIUM_PATH to use another), for the browser tests`,
        install: 'sudo apt-get update && sudo apt-get install -y chromium',
      });
    } else found.push(chromium);
  }
  return { problems, found: found.join(', ') };
}
