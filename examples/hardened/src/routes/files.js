'use strict';

// Downloads, orders and user look-ups. Mounted by server.js behind helmet, CSRF protection and sessions.
const path = require('path');
const express = require('express');
const { body, param, query, validationResult } = require('express-validator');
const { pool, User } = require('../db');

const router = express.Router();
const UPLOADS = path.join(__dirname, '../../uploads');

router.get('/download/:name', param('name').isSlug(), (req, res) => {
  if (!validationResult(req).isEmpty()) return res.sendStatus(400);
  res.sendFile(path.basename(req.params.name), { root: UPLOADS });
});

router.get('/orders', query('customer').isAlphanumeric(), (req, res) => {
  if (!validationResult(req).isEmpty()) return res.sendStatus(400);
  pool.query('SELECT * FROM orders WHERE customer = ?', [req.query.customer], (error, rows) => {
    if (error) return res.status(500).json({ error: 'query failed' });
    res.json(rows);
  });
});

router.post('/users/find', body('email').isEmail(), async (req, res) => {
  if (!validationResult(req).isEmpty()) return res.sendStatus(400);
  const users = await User.find({ email: String(req.body.email) });
  res.json(users);
});

router.get('/sku/:code', param('code').isAlphanumeric(), (req, res) => {
  const valid = /^[a-z0-9]+$/.test(req.params.code);
  res.sendFile(valid ? 'sku.html' : 'missing.html', { root: path.join(__dirname, '../../catalogue') });
});

router.delete('/orders/:id', param('id').isInt(), (req, res) => {
  if (!validationResult(req).isEmpty()) return res.sendStatus(400);
  pool.query('DELETE FROM orders WHERE id = ?', [Number(req.params.id)]);
  res.sendStatus(204);
});

module.exports = router;
