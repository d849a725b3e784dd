'use strict';

// The back-office app, served on its own port behind the same TLS-terminating proxy.
const express = require('express');
const helmet = require('helmet');

const admin = express();
admin.set('trust proxy', 1);

admin.use(
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  }),
);

admin.get('/', (req, res) => {
  res.send('Back office');
});

admin.listen(4000);
