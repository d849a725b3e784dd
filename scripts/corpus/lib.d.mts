// Types of the helpers in lib.mjs that tests import.
export declare const ROOT: string;
export declare const SRC: string;
export declare function looksMinified(text: string): boolean;
export declare function sourceTypeOf(file: string, text: string, packageType?: string): 'module' | 'commonjs';
export declare function median(values: readonly number[]): number;
export declare function packageNamed<T extends { name: string }>(packages: readonly T[], name: string): T;
