'use strict';

// Shared replies for the controllers.
function sendError(res, err) {
  res.status(500).json({ error: err.message, stack: err.stack });
}

module.exports = { sendError };
