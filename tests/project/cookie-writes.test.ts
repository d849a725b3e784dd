import { describe, expect, it } from 'vitest';

import { cookieWriteScan, cookieWritesOf, onlySameSiteCookies } from '../../src/project/scan';

describe('cookieWritesOf (trial 29: which cookies a package sets, from its texts)', () => {
  it('says sameSite only when every .cookie( call writes a literal strict, lax or true', () => {
    expect(cookieWritesOf("res.cookie('jwt', token, { httpOnly: true, sameSite: 'strict', maxAge: days(30) });")).toBe('sameSite');
    expect(cookieWritesOf('res.cookie("sid", id, { sameSite: "Lax" });\nres.cookie(`t`, v, { sameSite: true })')).toBe('sameSite');
    // clearCookie, req.cookies and document.cookie set nothing
    expect(cookieWritesOf("res.clearCookie('jwt'); const t = req.cookies.jwt; document.cookie = 'a=b';")).toBe('none');
    expect(cookieWritesOf('')).toBe('none');
    // a cookie written only to delete it (mern-auth's logout) sets nothing
    expect(cookieWritesOf("res.cookie('jwt', '', { httpOnly: true, expires: new Date(0) });")).toBe('none');
    expect(cookieWritesOf("res.cookie('jwt', token, { sameSite: 'strict' });\nres.cookie('jwt', '', { maxAge: 0 });")).toBe('sameSite');
    expect(cookieWritesOf("res.cookie('jwt', token, { maxAge: 0.5 * DAY });")).toBe('other');
  });

  it('says other for a cookie whose sameSite is absent, none, computed or in options it cannot see, and for Set-Cookie headers', () => {
    expect(cookieWritesOf("res.cookie('jwt', token, { httpOnly: true });")).toBe('other');
    expect(cookieWritesOf("res.cookie('jwt', token, { sameSite: 'none', secure: true });")).toBe('other');
    expect(cookieWritesOf("res.cookie('jwt', token, { sameSite: prod ? 'strict' : 'none' });")).toBe('other');
    expect(cookieWritesOf("res.cookie('jwt', token, cookieOptions);")).toBe('other');
    expect(cookieWritesOf("res.cookie('a', 1, { sameSite: 'strict' }); res.cookie('b', 2);")).toBe('other');
    expect(cookieWritesOf("res.setHeader('Set-Cookie', `sid=${id}; HttpOnly`);")).toBe('other');
    // an unclosed call (a text cut short) is not known either
    expect(cookieWritesOf("res.cookie('jwt', token, { sameSite: 'strict' }")).toBe('other');
  });
});

describe('cookieWriteScan and onlySameSiteCookies (trial 32: cookie options named, kept in a config module)', () => {
  it('takes a call whose options are one named object as needing that name, and records the objects a text writes', () => {
    expect(cookieWriteScan("res.cookie(AUTH, token, { ...COOKIE_DEFAULTS, maxAge: 15 * 60 * 1000 });")).toEqual({ writes: 'sameSite', needs: ['COOKIE_DEFAULTS'], keeps: [], others: [] });
    expect(cookieWriteScan("res.cookie('jwt', token, cookieOptions);")).toEqual({ writes: 'sameSite', needs: ['cookieOptions'], keeps: [], others: [] });
    expect(cookieWriteScan("export const COOKIE_DEFAULTS: CookieOptions = Object.freeze({ httpOnly: true, sameSite: 'strict' });")).toEqual({ writes: 'none', needs: [], keeps: ['COOKIE_DEFAULTS'], others: [] });
    expect(cookieWriteScan("module.exports = { cookieOptions: { sameSite: 'lax', secure: true } };").keeps).toEqual(['cookieOptions']);
    // a spread before the sameSite is overridden by it; one after may override it
    expect(cookieWriteScan("const opts = { ...base, sameSite: 'lax' };").keeps).toEqual(['opts']);
    expect(cookieWriteScan("const opts = { sameSite: 'lax', ...fromEnv };").others).toEqual(['opts']);
    expect(cookieWriteScan("const opts = { sameSite: process.env.SAME_SITE };").others).toEqual(['opts']);
    expect(cookieWriteScan("const opts = { sameSite: 'lax' };\nopts.sameSite = 'none';").others).toEqual(['opts']);
    // the call's own sameSite, other than kept, or two arguments (the value last): not named options
    expect(cookieWriteScan("res.cookie('jwt', token, { ...COOKIE_DEFAULTS, sameSite: 'none' });").writes).toBe('other');
    expect(cookieWriteScan("res.cookie('jwt', token);").writes).toBe('other');
    // in one text: the name it writes decides
    expect(cookieWritesOf("const opts = { sameSite: 'strict' };\nres.cookie('jwt', token, opts);")).toBe('sameSite');
    expect(cookieWritesOf("const opts = { secure: true };\nres.cookie('jwt', token, opts);")).toBe('other');
  });

  it('says the package sets only sameSite cookies when every needed name is written, every time, with a kept sameSite', () => {
    const uses = cookieWriteScan("res.cookie(AUTH, token, { ...COOKIE_DEFAULTS, maxAge });");
    const kept = cookieWriteScan("export const COOKIE_DEFAULTS = { httpOnly: true, sameSite: 'strict' };");
    expect(onlySameSiteCookies([uses, kept])).toBe(true);
    expect(onlySameSiteCookies([uses])).toBe(false);
    expect(onlySameSiteCookies([uses, kept, cookieWriteScan("export const COOKIE_DEFAULTS = { sameSite: 'none', secure: true };")])).toBe(false);
    expect(onlySameSiteCookies([uses, kept, cookieWriteScan("res.cookie('theme', theme, { httpOnly: true });")])).toBe(false);
    expect(onlySameSiteCookies([kept])).toBe(false);
  });
});

describe('cookieWriteScan: a name given another value (trial 32)', () => {
  it('counts a declaration or a new assignment of the name that holds no object literal as another write', () => {
    expect(cookieWriteScan("const cookieOptions = buildOptions();\nres.cookie('jwt', token, cookieOptions);").others).toEqual(['cookieOptions']);
    expect(cookieWriteScan("let opts = { sameSite: 'lax' };\nopts = other;\nres.cookie('jwt', token, opts);").others).toEqual(['opts']);
    expect(cookieWriteScan("const opts: CookieOptions = { sameSite: 'lax' };\nres.cookie('jwt', token, opts);")).toEqual({ writes: 'sameSite', needs: ['opts'], keeps: ['opts'], others: [] });
    expect(cookieWritesOf("const cookieOptions = buildOptions();\nres.cookie('jwt', token, cookieOptions);")).toBe('other');
    const kept = cookieWriteScan("export const cookieOptions = { sameSite: 'strict' };");
    expect(onlySameSiteCookies([kept, cookieWriteScan("const cookieOptions = buildOptions();\nres.cookie('jwt', token, cookieOptions);")])).toBe(false);
  });
});
