import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { test } from 'vitest';
import plugin from '../src/index';

test('probe', () => {
  const code = process.env.CODE!;
  const linter = new Linter({ configType: 'flat' });
  const cfg = (plugin as any).configs[process.env.CFG ?? 'recommended'];
  const msgs = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' } }, ...cfg], { filename: process.env.FN ?? 'a.ts' });
  for (const m of msgs) console.log('>>', m.line, m.column, m.endColumn, m.ruleId, m.message);
});
