declare module 'asl-validator' {
  /** asl-validator ships CommonJS without types: the one function the tests use. */
  export default function validator(
    definition: unknown,
    options?: { checkPaths?: boolean; checkArn?: boolean },
  ): { isValid: boolean; errors: unknown[]; errorsText(separator?: string): string };
}
