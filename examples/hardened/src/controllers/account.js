'use strict';

// The account pages as a controller module, with the request data checked before it is used.
const escapeHtml = require('escape-html');
const { User, runReport } = require('../db');
const { sendError } = require('../lib/respond');

const RETURN_PATHS = new Set(['/', '/account', '/orders']);

function sendBack(res, url) {
  res.redirect(url);
}

exports.showLogin = (req, res) => {
  res.send(`<h1>Sign in</h1><p>${escapeHtml(req.query.message)}</p>`);
};

exports.afterLogin = (req, res) => {
  const target = req.query.returnTo;
  if (!RETURN_PATHS.has(target)) return sendBack(res, '/');
  sendBack(res, target);
};

exports.findByEmail = async (req, res) => {
  const { email } = req.query;
  if (typeof email !== 'string') return res.status(400).json({ error: 'email must be a string' });
  res.json(await User.find({ email }));
};

const REPORT_STATUSES = new Set(['open', 'shipped', 'returned']);

// SQL text and error replies go through helpers of other modules (src/db.js, src/lib/respond.js).
exports.ordersReport = async (req, res) => {
  const { status } = req.query;
  if (!REPORT_STATUSES.has(status)) return res.status(400).json({ error: 'unknown status' });
  try {
    const [rows] = await runReport('SELECT * FROM orders WHERE status = ?', [status]);
    res.json(rows);
  } catch (err) {
    sendError(res, err);
  }
};
