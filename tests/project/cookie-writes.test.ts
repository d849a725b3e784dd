import { describe, expect, it } from 'vitest';

import { cookieWritesOf } from '../../src/project/scan';

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
