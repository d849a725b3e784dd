'use strict';

// The shop's web server: sessions, login, registration, search and the file routes.
const https = require('https');
const fs = require('fs');
const express = require('express');
const helmet = require('helmet');
const session = require('express-session');
const { RedisStore } = require('connect-redis');
const { createClient } = require('redis');
const cookieParser = require('cookie-parser');
const cors = require('cors');
const { rateLimit } = require('express-rate-limit');
const { doubleCsrf } = require('csrf-csrf');
const { body, validationResult } = require('express-validator');
const escapeHtml = require('escape-html');
const jwt = require('jsonwebtoken');
const bcrypt = require('bcrypt');

const { findUserByEmail, createUser } = require('./db');
const filesRouter = require('./routes/files');

const app = express();
app.disable('x-powered-by');
app.use(helmet());

// One reverse proxy (the load balancer) sits in front of the app.
app.set('trust proxy', 1);

app.use(express.static('public'));

app.use(cors({ origin: ['https://shop.example'], credentials: true }));
app.use(express.json({ limit: '100kb' }));
app.use(express.urlencoded({ extended: false, limit: '100kb' }));
app.use(cookieParser(process.env.COOKIE_SECRET));

const redisClient = createClient({ url: process.env.REDIS_URL });
redisClient.connect().catch(console.error);

app.use(
  session({
    store: new RedisStore({ client: redisClient }),
    name: 'sid',
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 1000 },
  }),
);

const { doubleCsrfProtection } = doubleCsrf({
  getSecret: () => process.env.CSRF_SECRET,
  getSessionIdentifier: (req) => req.session.id,
});
app.use(doubleCsrfProtection);

const authLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 20 });
app.set('view engine', 'ejs');

const ALLOWED_NEXT = ['/', '/account', '/orders'];

app.post(
  '/login',
  authLimiter,
  body('email').isEmail(),
  body('password').isString().isLength({ min: 8 }),
  async (req, res, next) => {
    if (!validationResult(req).isEmpty()) return res.status(400).send('Invalid input');
    const user = await findUserByEmail(req.body.email);
    if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) {
      return res.status(401).send('Invalid credentials');
    }
    req.session.regenerate((error) => {
      if (error) return next(error);
      req.session.userId = user.id;
      const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
      res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict', maxAge: 3_600_000 });
      const target = ALLOWED_NEXT.includes(req.query.next) ? req.query.next : '/';
      res.redirect(target);
    });
  },
);

app.post(
  '/register',
  authLimiter,
  body('email').isEmail(),
  body('password').isString().isLength({ min: 12 }),
  async (req, res) => {
    if (!validationResult(req).isEmpty()) return res.status(400).send('Invalid input');
    const hash = await bcrypt.hash(req.body.password, 12);
    await createUser(req.body.email, hash);
    res.status(201).send(`<p>Welcome ${escapeHtml(req.body.email)}</p>`);
  },
);

app.get('/profile', (req, res) => {
  res.render('profile', { userId: req.session.userId });
});

app.use('/files', filesRouter);

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).send('Something went wrong');
});

https
  .createServer({ key: fs.readFileSync(process.env.TLS_KEY), cert: fs.readFileSync(process.env.TLS_CERT) }, app)
  .listen(process.env.PORT || 443);
