import { code } from './rule-tester';

/**
 * An Express file full of syntax the request-data rules must survive: JSX, TS-only syntax, computed keys,
 * spreads, missing arguments, `require` of a variable, optional calls, classes, labels and generators.
 */
export const UNUSUAL_SOURCE = code`
  import express, { type Request } from 'express';
  const name = 'fs';
  const fs = require(name);
  const app = express();
  enum Kind { A = 'a' }
  class Page { #secret = 1; static render(q: string) { return <div title={q}>{q}</div>; } }
  app.get('/x', async function* (this: unknown, req: Request, res, ...rest: unknown[]) {
    const { [Kind.A]: a, ...others } = req.query as Record<string, string>;
    label: for (const k in req.body) { if (k) break label; }
    res?.send?.(<p>{a}</p>);
    res[\`se\${'nd'}\`](others);
    yield* [req.params?.id];
    fs.readFile?.();
    new (class extends Page {})();
    res.redirect();
    res.sendFile(...rest as [string]);
    void (req.body!.x satisfies unknown);
  });
`;
