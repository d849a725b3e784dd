// Types of generate.mjs for the tests.
export declare function generateRoutes(n: number): string;
export function generatePlain(lines: number): string;
