import { describe, expect, it } from 'vitest';
import { actionDefinition, actionNames } from '#shared/pipeline/actions/index';

describe('the action registry', () => {
  it.each(actionNames.filter((name) => actionDefinition(name).example))(
    'gives %s an example input its own schema accepts (the seed performs it)',
    (name) => {
      const { input, example } = actionDefinition(name);
      expect(input.safeParse(example?.('2026-03-02')).success).toBe(true);
    },
  );

  it('lets a judge perform exactly the steps whose task is the court clerk’s', () => {
    const byJudge = actionNames.filter((name) => actionDefinition(name).alsoPerformedBy?.includes('judge'));
    const byCourt = actionNames.filter((name) => actionDefinition(name).role === 'court');
    expect(byJudge).toEqual(byCourt);
  });

  it('lets a procurator perform only the recording of an appeal, and never a complaint', () => {
    const byProcurator = actionNames.filter((name) =>
      actionDefinition(name).alsoPerformedBy?.includes('procurator'),
    );
    expect(byProcurator).toEqual(['recordAppeal']);
    const procurator = { userId: 'p', name: 'P', role: 'procurator', unitId: 'vks' } as const;
    expect(() =>
      actionDefinition('recordAppeal').checkPerformer?.(procurator, { kind: 'complaint' }),
    ).toThrow(/kháng nghị/);
  });
});
