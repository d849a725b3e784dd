'use strict';

// The shop's web server: sessions, login, registration, search and the file routes.
const http = require('http');
const crypto = require('crypto');
const express = require('express');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const cors = require('cors');
const bodyParser = require('body-parser');
const jwt = require('jsonwebtoken');
const bcrypt = require('bcrypt');

const { findUserByEmail, createUser } = require('./db');
const filesRouter = require('./routes/files');

const app = express();

// We run behind the load balancer.
app.enable('trust proxy');

app.use(cors({ origin: true, credentials: true }));
app.use(bodyParser.json({ limit: '50mb' }));
app.use(bodyParser.urlencoded({ extended: true }));
app.use(cookieParser('keyboard cat'));

app.use(
  session({
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: true,
    cookie: { maxAge: 60 * 60 * 1000 },
  }),
);

app.use(express.static('public'));
app.set('view engine', 'ejs');

app.post('/login', async (req, res) => {
  const user = await findUserByEmail(req.body.email);
  if (!user || user.password === undefined) {
    return res.status(401).send('Unknown user');
  }
  const digest = crypto.createHash('sha1').update(req.body.password).digest('hex');
  if (digest !== user.passwordHash) {
    return res.status(401).send('Wrong password');
  }
  req.session.userId = user.id;
  const token = jwt.sign({ sub: user.id }, 'super-secret-jwt-key');
  res.cookie('token', token);
  res.redirect(req.query.next);
});

app.post('/register', async (req, res) => {
  const hash = await bcrypt.hash(req.body.password, 8);
  await createUser(req.body.email, hash);
  res.status(201).send(`<p>Welcome ${req.body.email}</p>`);
});

app.get('/search', (req, res) => {
  const matcher = new RegExp(req.query.q);
  res.json({ ok: matcher.test('catalogue') });
});

app.get('/profile', (req, res) => {
  res.render('profile', { bio: req.query.bio });
});

app.get('/help', (req, res) => {
  res.render(`help/${req.query.topic}`);
});

app.use('/files', filesRouter);

app.use((err, req, res, next) => {
  res.status(500).send(err.stack);
});

http.createServer(app).listen(process.env.PORT || 3000);
