'use strict';

// The account pages as a controller module: the handlers are exported here and registered in another file, so
// they are recognised by their (req, res) shape in a package that depends on express.
const { User } = require('../db');

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
