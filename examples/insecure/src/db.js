'use strict';

// Data access for users and orders.
const mysql = require('mysql2');
const mongoose = require('mongoose');

const pool = mysql.createPool({
  host: 'localhost',
  user: 'shop',
  password: 'shop-password-2019',
  database: 'shop',
});

const User = mongoose.model('User', new mongoose.Schema({ email: String, passwordHash: String }));

async function findUserByEmail(email) {
  return User.findOne({ email });
}

async function createUser(email, passwordHash) {
  return User.create({ email, passwordHash });
}

// Runs a report query given as SQL text.
async function runReport(sql) {
  return pool.promise().query(sql);
}

module.exports = { pool, User, findUserByEmail, createUser, runReport };
