'use strict';

// The account pages as a controller module: the handlers are exported here and registered in another file, so
// they are recognised by their (req, res) shape in a package that depends on express.
const { User, runReport } = require('../db');
const { sendError } = require('../lib/respond');

function sendBack(res, url) {
  res.redirect(url);
}

exports.showLogin = (req, res) => {
  res.send(`<h1>Sign in</h1><p>${req.query.message}</p>`);
};

exports.afterLogin = (req, res) => {
  sendBack(res, req.query.returnTo);
};

exports.findByEmail = async (req, res) => {
  const users = await User.find({ email: req.query.email });
  res.json(users);
};

// SQL text and error replies go through helpers of other modules (src/db.js, src/lib/respond.js).
exports.ordersReport = async (req, res) => {
  try {
    const [rows] = await runReport(`SELECT * FROM orders WHERE status = '${req.query.status}'`);
    res.json(rows);
  } catch (err) {
    sendError(res, err);
  }
};
