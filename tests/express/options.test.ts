import { analyse } from '../helpers/model';

/** Reads the options passed to the first `session(...)` call of the code. */
function sessionOptions(code: string) {
  const a = analyse(`import session from 'express-session';\n${code}`);
  const call = a.model.callsTo('express-session', [])[0]!;
  const view = a.model.options(call.arguments[0]);
  const show = (key: string, nested?: string) => {
    const target = nested ? (view === 'unknown' ? 'unknown' : view.object(nested)) : view;
    if (target === 'unknown') return 'unknown view';
    if (target === null) return 'no object';
    const value = target.get(key);
    return value.kind === 'set' ? `set ${a.sourceCode.getText(value.node)}${value.written ? ' (written)' : ''}` : value.kind;
  };
  return { view, show };
}

describe('reading option objects', () => {
  it('reads an inline literal, nested objects and absent keys', () => {
    const { show } = sessionOptions("session({ secret: s, cookie: { secure: true, 'http-only': false } });");
    expect(show('secret')).toBe('set s');
    expect(show('name')).toBe('absent');
    expect(show('secure', 'cookie')).toBe('set true');
    expect(show('http-only', 'cookie')).toBe('set false');
    expect(show('sameSite', 'cookie')).toBe('absent');
    expect(show('secure', 'store')).toBe('no object');
  });

  it('reads through a const and sees later writes, also inside an if', () => {
    const { show } = sessionOptions(
      [
        'const sess = { secret: s, cookie: {} };',
        "if (app.get('env') === 'production') {",
        '  sess.cookie.secure = true;',
        '}',
        'sess.name = "sid";',
        'session(sess);',
      ].join('\n'),
    );
    expect(show('secure', 'cookie')).toBe('set true (written)');
    expect(show('name')).toBe('set "sid" (written)');
    expect(show('httpOnly', 'cookie')).toBe('absent');
  });

  it('treats spreads of unknown objects as unknown, and looks into known ones', () => {
    const { show } = sessionOptions(
      [
        'const base = { name: "app", cookie: { httpOnly: true } };',
        'session({ ...base, ...extra, secret: s });',
      ].join('\n'),
    );
    expect(show('secret')).toBe('set s');
    expect(show('name')).toBe('unknown');
    const known = sessionOptions('const base = { name: "app" };\nsession({ ...base, secret: s });');
    expect(known.show('name')).toBe('set "app"');
    expect(known.show('store')).toBe('absent');
  });

  it('lets a later key win over an earlier spread, and an earlier key lose to a later spread', () => {
    expect(sessionOptions('session({ ...x, name: "a" });').show('name')).toBe('set "a"');
    expect(sessionOptions('session({ name: "a", ...x });').show('name')).toBe('unknown');
  });

  it('treats computed keys and non-literal objects as unknown', () => {
    expect(sessionOptions('session({ [key]: 1 });').show('name')).toBe('unknown');
    expect(sessionOptions('session(makeOptions());').view).toBe('unknown');
    expect(sessionOptions('let o = { a: 1 };\no = other;\nsession(o);').view).toBe('unknown');
    expect(sessionOptions('session();').view).toBe('unknown');
  });
});
