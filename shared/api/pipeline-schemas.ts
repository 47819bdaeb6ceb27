import type * as z from 'zod';
import { type ActionName, actionNames, pipelineActions } from '#shared/pipeline/actions/index';
import { outcomes, stages } from '#shared/pipeline/stages';

/**
 * What the API description takes from the pipeline: its stages, outcomes and actions, and each
 * action's input schema. The one place the API reads the pipeline's action table.
 */
export { actionNames, outcomes, stages };

export const actionInputSchema = (action: ActionName): z.ZodType => pipelineActions[action].input;
