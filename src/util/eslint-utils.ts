import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as eslintUtils from '@eslint-community/eslint-utils';

// The two functions of @eslint-community/eslint-utils the plugin uses, typed for TSESTree. ESLint loads this module
// before any plugin, so importing it here costs nothing at a lint's start; `@typescript-eslint/utils/ast-utils`
// wraps the same functions but loads its own helpers and predicates beside them (about 17 M instructions).

/** The value of an expression when it is known statically (following `const`s through `initialScope`), else `null`. */
export const getStaticValue = eslintUtils.getStaticValue as unknown as (
  node: TSESTree.Node,
  initialScope?: TSESLint.Scope.Scope | null,
) => { value: unknown } | null;

/** The variable a name (or an identifier) refers to from `initialScope`, else `null`. */
export const findVariable = eslintUtils.findVariable as unknown as (
  initialScope: TSESLint.Scope.Scope,
  nameOrNode: string | TSESTree.Identifier,
) => TSESLint.Scope.Variable | null;
