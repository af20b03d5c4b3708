/** The tool's version, kept equal to package.json's (test/version.test.ts checks it). */
export const VERSION = '0.1.0';
