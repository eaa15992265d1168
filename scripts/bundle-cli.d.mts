// Types of bundle-cli.mjs, for the TypeScript files that import it.
export declare function bundleCli(): Promise<string>;
