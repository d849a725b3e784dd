import { createRequire } from 'node:module';
import path from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

/** What the linted file was parsed with: the same parser reads the package's other files. */
export interface ParserChoice {
  parser: unknown;
  parserOptions: Record<string, unknown>;
  sourceType: 'module' | 'commonjs' | 'script';
}

type ParseForESLint = (text: string, options: Record<string, unknown>) => unknown;

const TS_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
/** Options that make a TS parser build a type-checked program: too costly for a summary, and not needed. */
const TYPED_OPTIONS = ['project', 'projectService', 'programs', 'EXPERIMENTAL_useProjectService'];

let typescriptParser: { parseForESLint: ParseForESLint } | null | undefined;

/**
 * `@typescript-eslint/parser` when the user's project has it (it is a peer of typescript-eslint setups): reads TS
 * files of the package when the linted file's parser cannot. Optional: without it those files stay unknown.
 */
function optionalTypescriptParser(): { parseForESLint: ParseForESLint } | null {
  if (typescriptParser === undefined) {
    try {
      const load = createRequire(path.join(process.cwd(), 'package.json'));
      typescriptParser = load('@typescript-eslint/parser') as { parseForESLint: ParseForESLint };
    } catch {
      try {
        typescriptParser = createRequire(__filename)('@typescript-eslint/parser') as { parseForESLint: ParseForESLint };
      } catch {
        typescriptParser = null;
      }
    }
  }
  return typescriptParser;
}

function sourceTypeOf(file: string, choice: ParserChoice): 'module' | 'commonjs' {
  const ext = path.extname(file);
  if (ext === '.mjs' || ext === '.mts') return 'module';
  if (ext === '.cjs' || ext === '.cts') return 'commonjs';
  return choice.sourceType === 'module' ? 'module' : 'commonjs';
}

interface LinterLike {
  verify(text: string, config: unknown[], options: { filename: string }): { fatal?: boolean; message: string }[];
}

const linters = new Map<string, LinterLike | null>();

/**
 * ESLint's own `Linter` (ESLint is the plugin's peer): it parses a file exactly as the user's config would. Its base
 * path is the file system root, so that no file of the package falls outside it.
 */
function eslintLinter(file: string): LinterLike | null {
  const root = path.parse(file).root;
  if (!linters.has(root)) {
    try {
      const { Linter } = createRequire(__filename)('eslint') as { Linter: new (options: object) => LinterLike };
      linters.set(root, new Linter({ configType: 'flat', cwd: root }));
    } catch {
      linters.set(root, null);
    }
  }
  return linters.get(root) ?? null;
}

const CAPTURE = 'secure-express-project';

function tryParse(file: string, text: string, parser: unknown, parserOptions: Record<string, unknown>, sourceType: 'module' | 'commonjs'): TSESLint.SourceCode | null {
  const eslint = eslintLinter(file);
  if (!eslint) return null;
  const options: Record<string, unknown> = { ...parserOptions };
  for (const key of TYPED_OPTIONS) delete options[key];
  let captured: TSESLint.SourceCode | null = null;
  const languageOptions: Record<string, unknown> = { ecmaVersion: 'latest', sourceType, parserOptions: options };
  if (parser) languageOptions.parser = parser;
  const filename = path.extname(file) === '' ? `${file}.js` : file;
  try {
    const messages = eslint.verify(
      text,
      [
        {
          // ESLint lints a file of another extension than .js only when a pattern names that extension.
          files: [`**/*${path.extname(filename)}`],
          languageOptions,
          plugins: {
            [CAPTURE]: {
              rules: {
                capture: {
                  create: (context: { sourceCode: TSESLint.SourceCode }) => ({
                    'Program:exit': () => {
                      captured = context.sourceCode;
                    },
                  }),
                },
              },
            },
          },
          rules: { [`${CAPTURE}/capture`]: 'error' },
        },
      ],
      { filename },
    );
    if (messages.some((m) => m.fatal)) return null;
  } catch {
    // Not this parser's language: try the next one, else the file stays unknown.
    return null;
  }
  return captured;
}

/**
 * Parses another file of the package into a `SourceCode` with ESLint's `Linter` and the linted file's parser,
 * else `@typescript-eslint/parser` for TS files when the project has it. `null` when no parser reads it.
 */
export function parseFile(file: string, text: string, choice: ParserChoice): TSESLint.SourceCode | null {
  const sourceType = sourceTypeOf(file, choice);
  let result = tryParse(file, text, choice.parser, choice.parserOptions, sourceType);
  if (!result && sourceType === 'commonjs') result = tryParse(file, text, choice.parser, choice.parserOptions, 'module');
  if (!result && TS_EXTENSIONS.has(path.extname(file))) {
    const ts = optionalTypescriptParser();
    if (ts && ts !== choice.parser) result = tryParse(file, text, ts, {}, sourceType);
  }
  return result;
}
