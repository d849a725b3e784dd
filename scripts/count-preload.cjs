// Preloaded by scripts/count.mjs into the lint it counts (node --require). Two things would make the count of one
// build differ from run to run under callgrind, where a lint runs about 50 times slower than natively:
// 1. The project model's caches expire on the clock (INDEX_TTL_MS, 10 s: the import scan is checked again, the
//    resolutions through tsconfig paths made again). A lint of 2 s natively takes about 100 s there, so the caches
//    expire several times, more when the machine is busy. Date.now runs 1,000 times slower here: they expire as often
//    as in the native lint (not at all for a lint under 10 s).
// 2. ESLint reads the files to lint asynchronously and lints each as its read completes, so the order of the lint,
//    and with it which files the project model parses before ESLint has parsed them, follows the I/O. Reads complete
//    in the order they are asked for here.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a preload for node --require is CommonJS
const fs = require('node:fs');

const realNow = Date.now;
const start = realNow();
Date.now = () => start + Math.floor((realNow() - start) / 1000);

fs.promises.readFile = async (file, options) => fs.readFileSync(file, options);
