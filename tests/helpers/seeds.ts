// Snippets of the source texts in ../shared/seeds/, copied as written: the practices' own examples are test
// cases of every rule they concern (issue 3: "linted as written").
import { code } from './rule-tester';

/** seed 000: the cookie-session example (a nested `cookie` object that cookie-session ignores) */
export const SEED_000_COOKIE_SESSION = code`
  var session = require('cookie-session')
  var express = require('express')
  var app = express()

  var expiryDate = new Date(Date.now() + 60 * 60 * 1000) // 1 hour
  app.use(session({
    name: 'session',
    keys: ['key1', 'key2'],
    cookie: {
      secure: true,
      httpOnly: true,
      domain: 'example.com',
      path: 'foo/bar',
      expires: expiryDate
    }
  }))
`;

/** seed 000: express-session, "Don't use the default session cookie name" */
export const SEED_000_SESSION_NAME = code`
  var session = require('express-session')
  app.set('trust proxy', 1) // trust first proxy
  app.use(session({
    secret: 's3Cur3',
    name: 'sessionId'
  }))
`;

/** seed 002: express-session with a Redis store */
export const SEED_002_REDIS_SESSION = code`
  const session = require('express-session');
  const RedisStore = require('connect-redis').default;
  const { createClient } = require('redis');

  const redisClient = createClient();
  redisClient.connect().catch(console.error);

  app.use(session({
    store: new RedisStore({ client: redisClient }),
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: {
      secure: true,      // Require HTTPS
      httpOnly: true,    // Prevent client-side access
      maxAge: 3600000,   // 1 hour
      sameSite: 'strict' // CSRF protection
    }
  }));
`;

/** seed 002: helmet and its Content-Security-Policy example (with the require and app they sit under) */
export const SEED_002_CSP = code`
  const helmet = require('helmet');
  const express = require('express');
  const app = express();

  app.use(helmet());
  app.use(helmet.contentSecurityPolicy({
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "trusted-cdn.com"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:", "https:"]
    }
  }));
`;
