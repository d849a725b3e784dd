'use strict';

// The back-office app, served on its own port.
const express = require('express');
const helmet = require('helmet');

const admin = express();

admin.use(
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
      },
    },
    frameguard: false,
    hsts: { maxAge: 3600 },
  }),
);
admin.use(helmet.noCache());
admin.use(helmet.xssFilter({ setOnOldIE: true }));

admin.get('/', (req, res) => {
  res.send('Back office');
});

admin.listen(4000);
