'use strict';

// Data access for users and orders.
const mysql = require('mysql2');
const mongoose = require('mongoose');

const pool = mysql.createPool({
  host: process.env.DB_HOST,
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: 'shop',
});

const User = mongoose.model('User', new mongoose.Schema({ email: String, passwordHash: String }));

async function findUserByEmail(email) {
  return User.findOne({ email: String(email) });
}

async function createUser(email, passwordHash) {
  return User.create({ email, passwordHash });
}

// Runs a report query: SQL text with placeholders, and its values.
async function runReport(sql, values) {
  return pool.promise().query(sql, values);
}

module.exports = { pool, User, findUserByEmail, createUser, runReport };
