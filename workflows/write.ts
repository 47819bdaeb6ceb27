/** `npm run workflows`: writes workflows/*.asl.json from the stage declarations (workflows/stages/). */
import { writeFileSync } from 'node:fs';
import { workflowFile } from './definitions';
import { currentRouting, generatedWorkflows } from './generate';

for (const { workflow, file, text } of generatedWorkflows(currentRouting)) {
  writeFileSync(workflowFile(workflow), text);
  console.log(`workflows/${file}`);
}
