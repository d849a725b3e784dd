/**
 * Functions of other packages that hand one of their options to the `cors` package as its options, read in the
 * published packages: routing-controllers 0.11.3 (`cjs/index.js`: `createExpressServer(options)` and
 * `useExpressServer(app, options)` keep `driver.cors = options.cors`; `cjs/driver/express/ExpressDriver.js` then runs
 * `this.express.use(cors(this.cors))`, or `cors()` for `true`).
 */
export const CORS_OPTION_CARRIERS: readonly { module: string; path: readonly string[]; argument: number; key: string }[] = [
  { module: 'routing-controllers', path: ['createExpressServer'], argument: 0, key: 'cors' },
  { module: 'routing-controllers', path: ['useExpressServer'], argument: 1, key: 'cors' },
];
