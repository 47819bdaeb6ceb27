import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addCaseStacks } from './stacks/case-app';

/** The CDK app (`npm run synth`): one deployment of the case workflow, checked by cdk-nag's AWS Solutions rules. */
const app = new App();
addCaseStacks(app);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
