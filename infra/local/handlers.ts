import type { Context } from 'aws-lambda';
import { handler as correctDocument } from '#functions/correct-document/handler';
import { handler as createCase } from '#functions/create-case/handler';
import { handler as exportCaseHistory } from '#functions/export-case-history/handler';
import { handler as fireTimers } from '#functions/fire-timers/handler';
import { handler as getCase } from '#functions/get-case/handler';
import { handler as getCaseHistory } from '#functions/get-case-history/handler';
import { handler as getDocument } from '#functions/get-document/handler';
import { handler as getOpenapi } from '#functions/get-openapi/handler';
import { handler as getPersonCases } from '#functions/get-person-cases/handler';
import { handler as getUnitIndicators } from '#functions/get-unit-indicators/handler';
import { handler as health } from '#functions/health/handler';
import { handler as listCaseDocuments } from '#functions/list-case-documents/handler';
import { handler as listCaseReads } from '#functions/list-case-reads/handler';
import { handler as listCases } from '#functions/list-cases/handler';
import { handler as listMyTasks } from '#functions/list-my-tasks/handler';
import { handler as listOverdueTasks } from '#functions/list-overdue-tasks/handler';
import { handler as openTask } from '#functions/open-task/handler';
import { handler as performAction } from '#functions/perform-action/handler';
import { handler as putUnitTargets } from '#functions/put-unit-targets/handler';
import { handler as reconcileWorkflows } from '#functions/reconcile-workflows/handler';
import { handler as systemStep } from '#functions/system-step/handler';
import { handler as verifyCaseHistory } from '#functions/verify-case-history/handler';
import { handler as verifyDocument } from '#functions/verify-document/handler';

/** The same handler modules the CDK app deploys, called in-process by the local runtime. */
// biome-ignore lint/suspicious/noExplicitAny: each handler has its own event type; the callers shape the event.
export type LocalHandler = (event: any, context: Context) => Promise<any>;

export const localHandlers: Record<string, LocalHandler> = {
  'create-case': createCase,
  'get-case': getCase,
  'list-cases': listCases,
  'list-my-tasks': listMyTasks,
  'list-case-reads': listCaseReads,
  'list-overdue-tasks': listOverdueTasks,
  'get-unit-indicators': getUnitIndicators,
  'put-unit-targets': putUnitTargets,
  'get-case-history': getCaseHistory,
  'perform-action': performAction,
  'get-openapi': getOpenapi,
  'get-person-cases': getPersonCases,
  health,
  'open-task': openTask,
  'system-step': systemStep,
  'verify-case-history': verifyCaseHistory,
  'fire-timers': fireTimers,
  'reconcile-workflows': reconcileWorkflows,
  'list-case-documents': listCaseDocuments,
  'get-document': getDocument,
  'verify-document': verifyDocument,
  'correct-document': correctDocument,
  'export-case-history': exportCaseHistory,
};

let invocation = 0;

/** A Lambda context for an in-process call. */
export function lambdaContext(functionName: string): Context {
  invocation += 1;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-southeast-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: `local-${process.pid}-${invocation}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
