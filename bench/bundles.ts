import { bundleTable, measureBundles } from '../infra/bundles';

/**
 * Per function: the minified JS as CaseFunction bundles it (infra/bundles.ts), the AWS SDK's and
 * pdf-lib's shares, and whether it renders PDFs (it then ships the fonts beside it).
 */
export async function benchBundles(): Promise<string> {
  return `\nLambda bundles (minified JS as deployed; budgets in test/infra/bundles.test.ts)\n${bundleTable(
    await measureBundles(),
  )}`;
}
