import type { TSESLint } from '@typescript-eslint/utils';

import { SESSION_NAME_DEFAULTS, SESSION_NAME_KEYS } from '../data/cookies';
import { getExpressModel, sessionMiddlewares, staticValueOf } from '../express';
import { createRule, moduleNames } from '../util/create-rule';
import { addObjectProperty, quoted, replacePropertyValue } from '../util/fix';

type Options = [];
type MessageIds = 'missingName' | 'defaultName' | 'setName';

/** What a file must name for the rule's gate (`createRule`). */
const SESSION_MODULES = moduleNames(Object.keys(SESSION_NAME_DEFAULTS));

export default createRule<Options, MessageIds>({
  name: 'no-default-session-name',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow the default session cookie name of express-session and cookie-session',
      recommended: 'recommended',
      appConfiguration: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingName:
        "{{library}} is used without 'name', so its cookie is called '{{default}}', which tells anyone looking which library (and which advisories) to try. Give it a generic name.",
      defaultName:
        "'{{default}}' is {{library}}'s default cookie name and tells anyone looking which library to target. Use a generic name.",
      setName: "Name the cookie 'sid' (users logged in under the old name log in once more).",
    },
  },
  defaultOptions: [],
  // The session middleware of these libraries (`sessionMiddlewares`): the file names one, or, with the whole-app view,
  // may take it from a module of the package that passes it on (`FileSigns.mayHoldModules`).
  gate: (file) => file.mayHoldModules(SESSION_MODULES),
  create(context) {
    const sourceCode = context.sourceCode;
    const sid = quoted(sourceCode, 'sid');
    return {
      'Program:exit'() {
        const model = getExpressModel(context);
        for (const session of sessionMiddlewares(model)) {
          const data = { library: session.library, default: SESSION_NAME_DEFAULTS[session.library] };
          const options = session.options;
          if (options === 'unknown') continue;
          if (options === null) {
            const closing = sourceCode.getLastToken(session.call);
            const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
              closing?.value === ')' && sourceCode.getTokenBefore(closing)?.value === '('
                ? [{ messageId: 'setName', fix: (fixer) => fixer.insertTextBefore(closing, `{ name: ${sid} }`) }]
                : [];
            context.report({ node: session.call, messageId: 'missingName', data, suggest });
            continue;
          }
          // (`key`, the option's former name, counts when `name` is not given: the libraries still read it.)
          let name = options.get(SESSION_NAME_KEYS[0]!);
          for (const key of SESSION_NAME_KEYS.slice(1)) if (name.kind === 'absent') name = options.get(key);
          if (name.kind === 'unknown') continue;
          if (name.kind === 'absent') {
            const literal = options.literal;
            context.report({
              node: literal ?? session.call,
              messageId: 'missingName',
              data,
              suggest: literal
                ? [{ messageId: 'setName', fix: (fixer) => addObjectProperty(fixer, sourceCode, literal, `name: ${sid}`) }]
                : [],
            });
            continue;
          }
          if (staticValueOf(sourceCode, name.node)?.value !== data.default) continue;
          const property = name.written ? null : name.property;
          context.report({
            node: name.node,
            messageId: 'defaultName',
            data,
            suggest:
              property || name.written
                ? [
                    {
                      messageId: 'setName',
                      fix: (fixer) => (property ? replacePropertyValue(fixer, property, sid) : fixer.replaceText(name.node, sid)),
                    },
                  ]
                : [],
          });
        }
      },
    };
  },
});
