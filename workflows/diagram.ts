import { readFileSync } from 'node:fs';
import { legalProfile } from '#shared/domain/legal-profile';
import { type StageWorkflow, stageWorkflowKeys, stageWorkflows } from '#shared/names';
import { type ActionName, isActionName, pipelineActions } from '#shared/pipeline/actions/index';
import { workflowFile } from './definitions';

/**
 * The README's "How a case moves" diagrams, generated from the ASL files (never drawn by hand):
 * one Mermaid state diagram per stage, and a table of each waiting step with its deadline.
 */
/** Markers around the generated section in README.md. */
export const START = '<!-- generated: how a case moves -->';
export const END = '<!-- end of generated section -->';

interface AslState {
  Type: string;
  Next?: string;
  End?: boolean;
  Default?: string;
  Choices?: { Next: string; StringEquals?: string; And?: { Variable: string; StringEquals?: string }[] }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Parameters?: { Payload?: { action?: string; step?: string; outcome?: string } };
  Resource?: string;
}

const UNITS: Record<string, string> = {
  workingDays: 'ngày làm việc',
  calendarDays: 'ngày',
  months: 'tháng',
  years: 'năm',
};

const id = (name: string): string => name.replace(/[^A-Za-z0-9]/g, '');

function deadlineText(action: ActionName, profileVersion: string): string {
  const rule = pipelineActions[action].deadline;
  if (rule.kind === 'caseDate')
    return `đến ${rule.field === 'releaseDueOn' ? 'ngày hết thời hạn' : 'hết thời hạn quản lý'} (${rule.source})`;
  const limit = legalProfile(profileVersion).limits[rule.limit];
  return `${limit.amount} ${UNITS[limit.unit]} từ ${limit.from} (${limit.source})`;
}

export function stageDiagram(workflow: StageWorkflow): string {
  const definition = JSON.parse(readFileSync(workflowFile(workflow), 'utf8')) as {
    StartAt: string;
    States: Record<string, AslState>;
  };
  const lines = ['stateDiagram-v2', `  [*] --> ${id(definition.StartAt)}`];
  for (const [name, state] of Object.entries(definition.States)) {
    const action = state.Parameters?.Payload?.action;
    const waits = state.Resource?.endsWith('.waitForTaskToken') && action && isActionName(action);
    const label = waits ? `${name}: ${pipelineActions[action].role}` : name;
    lines.push(`  ${id(name)} : ${label}`);
    if (state.Next) lines.push(`  ${id(name)} --> ${id(state.Next)}`);
    for (const choice of state.Choices ?? [])
      lines.push(`  ${id(name)} --> ${id(choice.Next)} : ${choiceLabel(choice)}`);
    if (state.Default) lines.push(`  ${id(name)} --> ${id(state.Default)} : otherwise`);
    for (const c of state.Catch ?? [])
      lines.push(`  ${id(name)} --> ${id(c.Next)} : ${c.ErrorEquals.join(', ')}`);
    if (state.Type === 'Succeed' || state.Type === 'Fail' || state.End) lines.push(`  ${id(name)} --> [*]`);
  }
  return lines.join('\n');
}

/** Markdown: per stage, its diagram and the deadline of each step that waits for a person. */
export function howACaseMoves(profileVersion = '2022-01-01'): string {
  const parts: string[] = [];
  for (const workflow of stageWorkflowKeys) {
    const definition = JSON.parse(readFileSync(workflowFile(workflow), 'utf8')) as {
      Comment?: string;
      States: Record<string, AslState>;
    };
    parts.push(`### ${stageWorkflows[workflow].file}\n\n${definition.Comment ?? ''}\n`);
    parts.push(`\`\`\`mermaid\n${stageDiagram(workflow)}\n\`\`\`\n`);
    const rows = Object.entries(definition.States).flatMap(([name, state]) => {
      const action = state.Parameters?.Payload?.action;
      if (!action || !isActionName(action) || !state.Resource?.endsWith('.waitForTaskToken')) return [];
      const def = pipelineActions[action];
      return [
        `| ${name} | \`${action}\` — ${def.label} | ${def.role} | ${deadlineText(action, profileVersion)} |`,
      ];
    });
    if (rows.length > 0) {
      parts.push(`| state | action | role | deadline |\n|---|---|---|---|\n${rows.join('\n')}\n`);
    }
  }
  return parts.join('\n');
}

/** `forward`, or for the resume point's compound rules `resumeAt submitFile`. */
function choiceLabel(choice: NonNullable<AslState['Choices']>[number]): string {
  const rule = choice.And?.find((r) => r.StringEquals !== undefined);
  return rule ? `${rule.Variable.replace('$.', '')} ${rule.StringEquals}` : String(choice.StringEquals);
}
