'use strict';

// Return labels. The handlers live here and the routes in src/routes/files.js: the rules follow them across files.
exports.label = (req, res) => {
  res.redirect(req.query.carrierUrl);
};
