import path from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The repository root: handlers live in `functions/`, the lock file beside package.json. */
export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/**
 * ESM bundles have no `require`; CommonJS dependencies bundled by esbuild still call it for Node
 * built-ins, so the banner recreates it.
 */
const esmRequireBanner =
  "import { createRequire as __houseCreateRequire } from 'node:module'; const require = __houseCreateRequire(import.meta.url);";

/** The entry of a function: `functions/<handlerName>/handler.ts`. */
export const entryOf = (handlerName: string): string =>
  path.join(projectRoot, 'functions', handlerName, 'handler.ts');

/**
 * How a function is bundled (esbuild, run by NodejsFunction): exported so that the bundle budget test
 * and the bench measure the bundles exactly as they are deployed.
 */
export const caseBundling = (props: Pick<CaseFunctionProps, 'rendersDocuments'>): BundlingOptions => ({
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  target: 'node22',
  banner: esmRequireBanner,
  minify: true,
  // Text as UTF-8 rather than \uXXXX escapes: every Vietnamese letter and fontkit's binary tables
  // shrink (about 230 kB off a renderer, 7–13 kB off the others; ADR 0010). As an esbuild argument:
  // aws-cdk-lib 2.276 declares `charset` but does not pass it to esbuild.
  esbuildArgs: { '--charset': 'utf8' },
  sourceMap: true,
  sourcesContent: false,
  // The pinned SDK the tests ran against, not whichever version the runtime happens to carry. It is
  // most of a function that renders nothing, but loading the runtime's copy instead costs more at a
  // cold start than its bytes do (measured in ADR 0010).
  bundleAwsSDK: true,
  forceDockerBundling: false,
  ...(props.rendersDocuments && {
    // The bundle has no node_modules: the four TTF faces are copied next to it.
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir: string, outputDir: string) => [
        `mkdir -p "${outputDir}/fonts"`,
        `cp "${inputDir}"/node_modules/@expo-google-fonts/tinos/*/Tinos_*.ttf "${outputDir}/fonts/"`,
      ],
    },
  }),
});

export interface CaseFunctionProps {
  /** The folder under `functions/`: the entry is `functions/<handlerName>/handler.ts`, exporting `handler`. */
  readonly handlerName: string;
  /** Environment variables, validated by the app's config at start-up. */
  readonly environment: Record<string, string>;
  /** @default a description naming the handler */
  readonly description?: string;
  /** @default Duration.seconds(15) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default logs.RetentionDays.THREE_MONTHS */
  readonly logRetention?: logs.RetentionDays;
  /** Ships the documents' font files beside the bundle (the function renders PDFs). @default false */
  readonly rendersDocuments?: boolean;
}

/**
 * The house Lambda function: Node.js 22 on arm64, an ESM bundle built locally by esbuild (no Docker) with
 * source maps, active tracing, its own log group with a retention, and a role that starts with nothing
 * but writing to that log group (no AWS managed policy). Handlers never set these themselves.
 */
export class CaseFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: CaseFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs functions/${props.handlerName}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: entryOf(props.handlerName),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      description: props.description ?? `functions/${props.handlerName}`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(15),
      role: this.role,
      logGroup: this.logGroup,
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        ...(props.rendersDocuments && { DOCUMENT_FONTS_DIR: '/var/task/fonts' }),
      },
      bundling: caseBundling(props),
    });

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 is the runtime the project fixes for Lambda and runs locally (ARCHITECTURE.md); moving is an ADR.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions.',
      },
    );
  }
}
