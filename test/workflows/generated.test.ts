import { readFileSync } from 'node:fs';
import validator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { openTaskInput, systemStepInput } from '#shared/domain/workflow-steps';
import { type StageWorkflow, stageWorkflowKeys, stageWorkflows } from '#shared/names';
import {
  type ActionName,
  actionNames,
  deadlineEscalates,
  isActionName,
  pipelineActions,
} from '#shared/pipeline/actions/index';
import { localSubstitutions } from '../../infra/local/runtime';
import { workflowFile } from '../../workflows/definitions';
import {
  type AslDefinition,
  currentRouting,
  formatJson,
  generate,
  generatedWorkflows,
  type Routing,
} from '../../workflows/generate';
import {
  awaitAction,
  caseClosed,
  closeCase,
  DAY,
  defineStage,
  onAction,
  type StageDeclaration,
  succeed,
} from '../../workflows/stages/builder';
import { stageDeclarations } from '../../workflows/stages/index';

type State = Record<string, unknown> & {
  Resource?: string;
  Parameters?: { Payload?: Record<string, unknown> };
};

const committed = (workflow: StageWorkflow): AslDefinition =>
  JSON.parse(readFileSync(workflowFile(workflow), 'utf8'));

/** The definition with its `${Key}` placeholders replaced by the local runtime's ARNs. */
const substituted = (definition: AslDefinition): unknown => {
  const substitutions = localSubstitutions();
  return JSON.parse(
    JSON.stringify(definition).replace(/\$\{(\w+)\}/g, (placeholder, key: string) => {
      const value = substitutions[key];
      if (value === undefined) throw new Error(`no substitution for ${placeholder}`);
      return value;
    }),
  );
};

const expectValidAsl = (definition: AslDefinition) => {
  const { isValid, errors } = validator(substituted(definition));
  expect(errors).toEqual([]);
  expect(isValid).toBe(true);
};

/**
 * The rule between the pipeline table and the workflows: every action a workflow names is in the
 * table, and every table action is waited for by a state, offered beside one, or declared as
 * performed outside any execution. Returns what breaks it.
 */
function actionProblems(
  definitions: readonly AslDefinition[],
  declarations: readonly StageDeclaration[],
): string[] {
  const problems: string[] = [];
  const awaited = new Set<string>();
  const beside = new Set<string>();
  for (const definition of definitions) {
    for (const [name, state] of Object.entries(definition.States) as [string, State][]) {
      const payload = state.Parameters?.Payload;
      if (!payload) continue;
      if (state.Resource?.endsWith('.waitForTaskToken')) {
        const { action, alsoAllowed = [] } = payload as { action: string; alsoAllowed?: string[] };
        awaited.add(action);
        for (const other of alsoAllowed) beside.add(other);
        for (const a of [action, ...alsoAllowed])
          if (!isActionName(a))
            problems.push(`${name} waits for '${a}', which the pipeline table does not have`);
      } else if (typeof payload.action === 'string' && !isActionName(payload.action)) {
        problems.push(`${name} names '${payload.action}', which the pipeline table does not have`);
      }
    }
  }
  const outside = new Map<ActionName, string>();
  for (const declaration of declarations)
    for (const action of Object.keys(declaration.outside ?? {}) as ActionName[])
      outside.set(action, declaration.workflow);

  for (const action of actionNames) {
    const completes = pipelineActions[action].completes.kind;
    const inWorkflow = awaited.has(action) || beside.has(action);
    if (!inWorkflow && !outside.has(action))
      problems.push(`'${action}' is neither waited for, nor offered beside a wait, nor declared outside`);
    if (inWorkflow && outside.has(action))
      problems.push(`'${action}' is declared outside (${outside.get(action)}) but a workflow waits for it`);
    // Only a waiting execution holds a token: what completes one must be offered by a wait.
    if (completes === 'taskToken' && !inWorkflow)
      problems.push(`'${action}' completes a task token but no wait offers it`);
    if (completes !== 'taskToken' && inWorkflow)
      problems.push(`'${action}' is offered at a wait but does not complete its token (${completes})`);
    // The main action of a wait escalates when missed; those beside it never do.
    if (awaited.has(action) && !deadlineEscalates(action))
      problems.push(`'${action}' is the action of a wait but does not escalate`);
    if (beside.has(action) && !awaited.has(action) && deadlineEscalates(action))
      problems.push(`'${action}' is offered beside a wait but escalates as if it were the wait's own`);
  }
  return problems;
}

const declarations = stageWorkflowKeys.map((workflow) => stageDeclarations[workflow]);

describe('the generated workflows', () => {
  it.each(generatedWorkflows(currentRouting).map((generated) => [generated.file, generated] as const))(
    'workflows/%s is what the generator writes',
    (file, { workflow, text }) => {
      expect(
        readFileSync(workflowFile(workflow), 'utf8'),
        `workflows/${file} is stale or edited by hand: run \`npm run workflows\``,
      ).toBe(text);
    },
  );

  it.each(stageWorkflowKeys)('%s is valid Amazon States Language as generated', (workflow) => {
    expectValidAsl(generate(stageDeclarations[workflow], currentRouting));
  });

  it('formats JSON as biome does: an array of plain values on one line when it fits in 110 columns', () => {
    const long = Array.from({ length: 8 }, (_, i) => `Lambda.Exception${i}`);
    expect(formatJson({ a: [], b: ['x', 'y'], c: long, d: {}, e: [{ f: null }] })).toBe(
      `{
  "a": [],
  "b": ["x", "y"],
  "c": [
${long.map((s) => `    "${s}"`).join(',\n')}
  ],
  "d": {},
  "e": [
    {
      "f": null
    }
  ]
}
`,
    );
  });
});

describe('the actions of the workflows and of the pipeline table', () => {
  it('agree: each named action is in the table, and each table action is waited for, offered beside a wait or declared outside', () => {
    expect(actionProblems(stageWorkflowKeys.map(committed), declarations)).toEqual([]);
  });

  it('leave out no more than the actions declared outside any execution', () => {
    const outside = declarations.flatMap((d) => Object.keys(d.outside ?? {})).sort();
    expect(outside).toEqual([
      'completeFile',
      'recordAbscondingInTreatment',
      'recordDeathInCentre',
      'recordDeathUnderSupervision',
      'recordEarlyEnd',
      'recordReduction',
      'recordRelapse',
      'recordReturnToCentre',
    ]);
  });

  it('would report an action dropped from a wait, one the table lacks, and one declared outside that a wait offers', () => {
    const filing = structuredClone(committed('filing'));
    const appealWindow = filing.States['Await Appeal Window'] as State;
    const payload = appealWindow.Parameters?.Payload as { alsoAllowed: string[] };
    payload.alsoAllowed = ['recordDeath', 'recordHearing'];
    const admission = { ...stageDeclarations.admission, outside: { recordDeath: 'wrongly' } };
    const others = stageWorkflowKeys.filter((w) => w !== 'filing').map(committed);
    expect(
      actionProblems(
        [filing, ...others],
        declarations.map((d) => (d.workflow === 'admission' ? admission : d)),
      ).sort(),
    ).toEqual(
      [
        "Await Appeal Window waits for 'recordHearing', which the pipeline table does not have",
        "'recordAppeal' is neither waited for, nor offered beside a wait, nor declared outside",
        "'recordAppeal' completes a task token but no wait offers it",
        "'recordDeath' is declared outside (admission) but a workflow waits for it",
        ...[
          'recordAbscondingInTreatment',
          'recordDeathInCentre',
          'recordEarlyEnd',
          'recordReduction',
          'recordReturnToCentre',
        ].map((a) => `'${a}' is neither waited for, nor offered beside a wait, nor declared outside`),
      ].sort(),
    );
  });

  it('hand the workflow functions payloads they accept', () => {
    for (const workflow of stageWorkflowKeys) {
      for (const [name, state] of Object.entries(committed(workflow).States) as [string, State][]) {
        const payload = state.Parameters?.Payload;
        if (!payload) continue;
        const concrete = { ...payload, caseId: 'c-1', executionArn: 'arn:x', taskToken: 't' };
        const schema = state.Resource?.endsWith('.waitForTaskToken') ? openTaskInput : systemStepInput;
        expect(schema.safeParse(concrete).error, `${stageWorkflows[workflow].file}: ${name}`).toBeUndefined();
      }
    }
  });
});

describe('a routing other than the current one', () => {
  /** Say a profile in which the file goes from the police straight to the court. */
  const withoutReview: Routing = { name: 'without review', skip: { review: 'acceptFile' } };

  it('leaves out the skipped wait and what only it led to, and sends its transitions on', () => {
    const filing = generate(stageDeclarations.filing, withoutReview);
    expectValidAsl(filing);
    const names = Object.keys(filing.States);
    for (const gone of ['Await Review', 'Escalate Stalled Review', 'Review Decision', 'Close As Ineligible'])
      expect(names).not.toContain(gone);
    expect(filing.States['Submission Outcome']?.Default).toBe('Await Court Acceptance');
    expect(filing.States['Supplement Outcome']?.Default).toBe('Await Court Acceptance');
    expect(names.length).toBe(Object.keys(committed('filing').States).length - 4);
  });

  it('leaves the stages it does not touch as they are', () => {
    for (const workflow of ['admission', 'release', 'supervisionEnd'] as const)
      expect(generate(stageDeclarations[workflow], withoutReview)).toEqual(committed(workflow));
  });

  it('may skip the first wait of a stage, and send it to a step other than a wait', () => {
    const stage = stageDeclarations.release;
    const beginSupervision = stage.steps.find((step) => step.kind === 'system');
    if (!beginSupervision) throw new Error('the release stage has no system step');
    const release = generate(stage, { name: 'no release wait', skip: { release: beginSupervision } });
    expect(release.StartAt).toBe('Begin Supervision');
    expect(Object.keys(release.States)).toEqual(['Begin Supervision', 'Release Stage Done']);
    expectValidAsl(release);
  });
});

describe('the generator', () => {
  const tiny = (steps: StageDeclaration['steps']) =>
    defineStage({ workflow: 'release', comment: 'test', timeoutSeconds: 300 * DAY, steps });
  const deceased = closeCase('deceased');

  it('writes the retry, the timeout, its escalation and the names of a wait', () => {
    const definition = generate(
      tiny([awaitAction('release', { title: 'Release', next: caseClosed }), caseClosed]),
      currentRouting,
    );
    expect(Object.keys(definition.States)).toEqual([
      'Resume Or Start',
      'Await Release',
      'Escalate Stalled Release',
      'Case Closed',
      'Continued In Fresh Execution',
    ]);
    expect(definition.States['Await Release']).toMatchObject({
      TimeoutSeconds: 60 * DAY,
      Retry: [expect.objectContaining({ MaxAttempts: 4 })],
      Catch: [
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'Escalate Stalled Release' },
        { ErrorEquals: ['ExecutionNearLimit'], ResultPath: '$.error', Next: 'Continued In Fresh Execution' },
      ],
      Next: 'Case Closed',
    });
    expect(definition.States['Escalate Stalled Release']).toMatchObject({
      Parameters: { Payload: { step: 'escalateStalledTask', action: 'release' } },
      Next: 'Await Release',
    });
  });

  it('starts a stage at its resume point: a fresh execution opens a wait again, or goes on from its outcome', () => {
    const definition = generate(stageDeclarations.admission, currentRouting);
    expect(definition.StartAt).toBe('Resume Or Start');
    const resume = definition.States['Resume Or Start'] as {
      Choices: { And: { Variable: string; StringEquals?: string }[]; Next: string }[];
      Default: string;
    };
    const routes = resume.Choices.map((c) => `${c.And[1]?.Variable}=${c.And[1]?.StringEquals} → ${c.Next}`);
    expect(routes).toEqual([
      '$.resumeAt=admit → Await Admission',
      '$.resumeAt=recordFound → Await Person Found',
      '$.resumeAfter=admit → Admission Outcome',
      '$.resumeAfter=recordFound → Search Outcome',
    ]);
    expect(resume.Default).toBe('Await Admission');
    expect(definition.States['Await Admission']).toMatchObject({
      Catch: [
        { ErrorEquals: ['States.Timeout'], Next: 'Escalate Stalled Admission' },
        { ErrorEquals: ['ExecutionNearLimit'], Next: 'Continued In Fresh Execution' },
      ],
      Parameters: {
        Payload: {
          'executionStartTime.$': '$$.Execution.StartTime',
          executionLimitSeconds: 300 * DAY,
          waitSeconds: 60 * DAY,
        },
      },
    });
  });

  it('refuses a wait whose timeout would not end well inside its execution', () => {
    const stage = defineStage({
      workflow: 'release',
      comment: 'test',
      timeoutSeconds: 60 * DAY,
      steps: [awaitAction('release', { title: 'Release', next: caseClosed }), caseClosed],
    });
    expect(() => generate(stage, currentRouting)).toThrow(/must end well inside the execution's/);
  });

  it('refuses an action offered beside a wait that no branch routes', () => {
    const stage = tiny([
      awaitAction('release', { title: 'Release', alsoAllowed: ['recordDeath'], next: caseClosed }),
      caseClosed,
    ]);
    expect(() => generate(stage, currentRouting)).toThrow(
      /'recordDeath' is allowed here but no branch routes it/,
    );
  });

  it('refuses a step that nothing leads to, and a transition to a step the stage does not list', () => {
    const unreached = tiny([
      awaitAction('release', { title: 'Release', next: caseClosed }),
      caseClosed,
      deceased,
    ]);
    expect(() => generate(unreached, currentRouting)).toThrow(/nothing leads to Close As Deceased/);
    const unlisted = tiny([
      awaitAction('release', {
        title: 'Release',
        alsoAllowed: ['recordDeath'],
        branches: [onAction('recordDeath', deceased)],
        next: succeed('Done'),
      }),
      deceased,
      caseClosed,
    ]);
    expect(() => generate(unlisted, currentRouting)).toThrow(
      /leads to 'Done', which the stage does not list/,
    );
  });
});
