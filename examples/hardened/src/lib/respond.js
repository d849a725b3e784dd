'use strict';

// Shared replies for the controllers: errors are logged, the client gets a generic message.
function sendError(res, err) {
  console.error(err);
  res.status(500).json({ error: 'Something went wrong' });
}

module.exports = { sendError };
