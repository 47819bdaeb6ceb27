import type { StageWorkflow } from '#shared/names';
import { admission } from './admission';
import type { StageDeclaration } from './builder';
import { filing } from './filing';
import { release } from './release';
import { supervisionEnd } from './supervision-end';

/**
 * The stage workflows as declared: `npm run workflows` generates workflows/*.asl.json from these
 * (workflows/generate.ts), and both runtimes load those files.
 */
export const stageDeclarations: Record<StageWorkflow, StageDeclaration> = {
  filing,
  admission,
  release,
  supervisionEnd,
};
