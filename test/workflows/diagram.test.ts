import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageWorkflowKeys } from '#shared/names';
import { END, howACaseMoves, START, stageDiagram } from '../../workflows/diagram';

describe('the README diagrams', () => {
  it('are the ones generated from the current workflow definitions (run `npm run docs` when this fails)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END));
    expect(section).toBe(`\n\n${howACaseMoves()}\n`);
  });

  it('draw every state and every transition of each definition', () => {
    const filing = stageDiagram('filing');
    expect(filing).toContain('ReviewDecision --> AwaitSupplement : returnForSupplement');
    expect(filing).toContain('AwaitReview --> EscalateStalledReview : States.Timeout');
    expect(filing).toContain('AwaitReview : Await Review: reviewer');
    for (const workflow of stageWorkflowKeys) expect(stageDiagram(workflow)).toMatch(/--> \[\*\]/);
  });

  it('give each waiting step its deadline with the article it comes from', () => {
    const text = howACaseMoves();
    expect(text).toContain(
      '| Await Review | `review` — Kiểm tra tính pháp lý của hồ sơ | reviewer | 2 ngày làm việc từ nhận hồ sơ (Nghị định 116/2021/NĐ-CP, Điều 43 khoản 1) |',
    );
  });
});
