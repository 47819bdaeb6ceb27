/** `npm run docs`: rewrites the README's "How a case moves" section from the ASL files. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { END, howACaseMoves, START } from './diagram';

const readme = join(import.meta.dirname, '..', 'README.md');
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(START);
const end = text.indexOf(END);
if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
writeFileSync(readme, `${text.slice(0, start + START.length)}\n\n${howACaseMoves()}\n${text.slice(end)}`);
console.log('README.md: "How a case moves" regenerated from workflows/*.asl.json');
