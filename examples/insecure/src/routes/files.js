'use strict';

// Downloads, orders and user look-ups.
const path = require('path');
const express = require('express');
const { pool, User } = require('../db');

const router = express.Router();

router.get('/download/:name', (req, res) => {
  res.sendFile(path.join(__dirname, '../../uploads', req.params.name));
});

router.get('/orders', (req, res) => {
  pool.query(`SELECT * FROM orders WHERE customer = '${req.query.customer}'`, (error, rows) => {
    if (error) return res.status(500).json({ error: error.message });
    res.json(rows);
  });
});

router.post('/users/find', async (req, res) => {
  const users = await User.find({ email: req.body.email });
  res.json(users);
});

router.get('/sku/:code', (req, res) => {
  const valid = /^([a-z0-9]+)+$/.test(req.params.code);
  res.sendfile(path.join(__dirname, '../../catalogue', valid ? 'sku.html' : 'missing.html'));
});

router.del('/orders/:id', (req, res) => {
  pool.query('DELETE FROM orders WHERE id = ' + req.param('id'));
  res.send(204);
});

const returns = require('../controllers/returns');
router.get('/returns/label', returns.label);

module.exports = router;
