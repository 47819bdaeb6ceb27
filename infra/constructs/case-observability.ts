import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { pascalCase } from './case-functions';

export interface CaseObservabilityProps {
  readonly stateMachines: Record<string, sfn.IStateMachine>;
  readonly functions: Record<string, lambda.IFunction>;
  readonly httpApi: apigw.IHttpApi;
  /** @default no subscription: subscribe to the alarm topic after deploying */
  readonly alarmEmail?: string;
}

/**
 * Alarms that say a case has stopped moving: any failed, timed-out or throttled stage execution, any
 * function error, and server errors on the API. They all notify one topic.
 */
export class CaseObservability extends Construct {
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: CaseObservabilityProps) {
    super(scope, id);

    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', { enforceSSL: true });
    if (props.alarmEmail)
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const period = Duration.minutes(5);
    for (const [name, stateMachine] of Object.entries(props.stateMachines)) {
      const id = pascalCase(name);
      this.alarmOnAny(`${id}Failed`, stateMachine.metricFailed({ period }), `A ${name} execution failed`);
      this.alarmOnAny(
        `${id}TimedOut`,
        stateMachine.metricTimedOut({ period }),
        `A ${name} execution timed out`,
      );
      this.alarmOnAny(
        `${id}Throttled`,
        stateMachine.metricThrottled({ period }),
        `${name} executions were throttled`,
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarmOnAny(
        `${pascalCase(name)}Errors`,
        fn.metricErrors({ period }),
        `functions/${name} returned errors`,
      );
    }
    this.alarmOnAny(
      'ApiServerErrors',
      props.httpApi.metricServerError({ period }),
      'The API answered with 5xx responses',
    );
  }

  private alarmOnAny(id: string, metric: cloudwatch.IMetric, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.alarmTopic));
    this.alarms.push(alarm);
  }
}
