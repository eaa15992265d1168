// Types of bundle-browser.mjs, for the TypeScript files that import it.
export declare const ENTRIES: Record<string, string>;
export declare function bundleBrowser(): Promise<string>;
