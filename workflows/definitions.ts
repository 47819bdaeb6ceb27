import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type StageWorkflow, stageWorkflows } from '#shared/names';

/** Absolute path of a stage's ASL file: the single source both runtimes load. */
export const workflowFile = (workflow: StageWorkflow): string =>
  join(import.meta.dirname, stageWorkflows[workflow].file);

/**
 * Reads a stage's ASL and applies `${Key}` substitutions, as CloudFormation does for
 * `DefinitionSubstitutions`. A placeholder left without a value is an error, not a silent string.
 */
export function loadWorkflowDefinition(
  workflow: StageWorkflow,
  substitutions: Record<string, string>,
): object {
  const text = readFileSync(workflowFile(workflow), 'utf8').replace(
    /\$\{(\w+)\}/g,
    (placeholder, key: string) => {
      const value = substitutions[key];
      if (value === undefined)
        throw new Error(`${stageWorkflows[workflow].file}: no substitution for ${placeholder}`);
      return value;
    },
  );
  return JSON.parse(text) as object;
}
