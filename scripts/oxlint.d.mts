export const OXLINT_BIN: string;
export function oxlintConfig(config: 'recommended' | 'strict'): {
  plugins: string[];
  categories: Record<string, string>;
  jsPlugins: string[];
  rules: Record<string, unknown>;
};
export function oxlintFindings(configFile: string, cwd: string, paths: string[]): string[];
