import { elsewhereOf, getExpressModel, sessionMiddlewares, staticValueOf } from '../express';
import { createRule, moduleNames } from '../util/create-rule';

type Options = [];
type MessageIds = 'memoryStore' | 'emptyStore';

/** What a file must name for the rule's gate (`createRule`). */
const EXPRESS_SESSION = moduleNames('express-session');

export default createRule<Options, MessageIds>({
  name: 'no-memory-session-store',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require express-session to be given a production session store instead of its MemoryStore',
      recommended: 'recommended',
      appConfiguration: true,
    },
    schema: [],
    messages: {
      memoryStore:
        "express-session has no 'store', so it keeps sessions in its MemoryStore: it leaks memory, loses every session on restart, is not shared between processes, and is not meant for production. Pass a store such as connect-redis, connect-pg-simple or connect-mongo.",
      emptyStore:
        "express-session's 'store' is {{value}}{{from}}, so it keeps sessions in its MemoryStore: it leaks memory, loses every session on restart, is not shared between processes, and is not meant for production. Pass a store such as connect-redis, connect-pg-simple or connect-mongo.",
    },
  },
  defaultOptions: [],
  // express-session's middleware: the file names it, or, with the whole-app view, may take it from a module of the
  // package that passes it on (`FileSigns.mayHoldModules`).
  gate: (file) => file.mayHoldModules(EXPRESS_SESSION),
  create(context) {
    return {
      'Program:exit'() {
        const model = getExpressModel(context);
        for (const session of sessionMiddlewares(model)) {
          if (session.library !== 'express-session' || session.options === 'unknown') continue;
          const store = session.options?.get('store') ?? { kind: 'absent' as const };
          // express-session falls back to MemoryStore for any falsy store (`store: undefined`, `null`).
          if (store.kind === 'unknown') continue;
          const node = session.options?.literal ?? session.call;
          if (store.kind === 'set') {
            const known = staticValueOf(context.sourceCode, store.node);
            if (!known || known.value) continue;
            // (A constant of another file, `store: db.sessionStore` with `sessionStore = null` in db.js: named.)
            const from = elsewhereOf(model.value(store.node));
            context.report({ node, messageId: 'emptyStore', data: { value: String(known.value), from: from ? ` (from ${from})` : '' } });
            continue;
          }
          context.report({ node, messageId: 'memoryStore' });
        }
      },
    };
  },
});
