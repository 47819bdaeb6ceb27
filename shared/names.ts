/**
 * Names shared by the CDK app and the local runtime: the stage workflows, the functions they
 * invoke and the substitution keys used in workflows/*.asl.json. One place, so the two runtimes
 * cannot drift apart.
 */
export const stageWorkflows = {
  filing: { file: 'case-filing.asl.json', name: 'CaseFiling', arnKey: 'CaseFilingStateMachineArn' },
  admission: {
    file: 'case-admission.asl.json',
    name: 'CaseAdmission',
    arnKey: 'CaseAdmissionStateMachineArn',
  },
  release: { file: 'case-release.asl.json', name: 'CaseRelease', arnKey: 'CaseReleaseStateMachineArn' },
  supervisionEnd: {
    file: 'case-supervision-end.asl.json',
    name: 'CaseSupervisionEnd',
    arnKey: 'CaseSupervisionEndStateMachineArn',
  },
} as const;

export type StageWorkflow = keyof typeof stageWorkflows;
export const stageWorkflowKeys = Object.keys(stageWorkflows) as StageWorkflow[];

/** Functions that the workflows invoke, with the substitution key that carries their ARN. */
export const workflowFunctions = {
  openTask: { name: 'open-task', arnKey: 'OpenTaskFunctionArn' },
  systemStep: { name: 'system-step', arnKey: 'SystemStepFunctionArn' },
} as const;

export type WorkflowFunction = keyof typeof workflowFunctions;

/** Execution names are derived from the case id, so a stage can be started only once per case. */
export const executionName = (caseId: string, workflow: StageWorkflow): string => `${caseId}-${workflow}`;

/** The case an execution belongs to, from its name (`<caseId>-<stage>`, or continued: `…-<hash>`). */
export const caseIdOfExecution = (executionArn: string): string | undefined => {
  const name = executionArn.split(':').at(-1) ?? '';
  const stages = stageWorkflowKeys.join('|');
  return new RegExp(`^(.+)-(?:${stages})(?:-[0-9a-f]{12})?$`).exec(name)?.[1];
};

/** The stage whose state machine ran an execution, from its ARN (`…:execution:<Name>:<execution>`). */
export const workflowOfExecution = (executionArn: string): StageWorkflow | undefined => {
  const machine = executionArn.split(':').at(-2) ?? '';
  return stageWorkflowKeys.find((key) => machine.endsWith(stageWorkflows[key].name));
};
