import * as z from 'zod';
import { type StageWorkflow, stageWorkflowKeys } from './names';

/**
 * The environment every handler needs, read and validated once at start-up. An endpoint override
 * is all that separates the local runtime from AWS.
 */
const stateMachineArns = z.object(
  Object.fromEntries(stageWorkflowKeys.map((key) => [key, z.string().startsWith('arn:')])) as Record<
    StageWorkflow,
    z.ZodString
  >,
);

const environmentSchema = z.object({
  TABLE_NAME: z.string().min(1),
  STATE_MACHINE_ARNS: z
    .string()
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(stateMachineArns),
  AWS_REGION: z.string().min(1).default('ap-southeast-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  STEPFUNCTIONS_ENDPOINT: z.url().optional(),
  /** Where issued PDFs are stored: an S3 bucket with Object Lock in AWS, a folder locally. */
  DOCUMENTS_BUCKET: z.string().min(3).optional(),
  DOCUMENTS_DIR: z.string().min(1).optional(),
});

export type AppConfig = z.infer<typeof environmentSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}
