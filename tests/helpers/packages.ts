import path from 'node:path';

/** A file name inside a package whose `package.json` depends on express (nothing is read but the package.json). */
export const inExpressPackage = (name: string): string => path.resolve(__dirname, '../fixtures/express-package/src', name);
/** A file name inside a package that does not depend on express. */
export const inPlainPackage = (name: string): string => path.resolve(__dirname, '../fixtures/plain-package/src', name);
/** A file name inside a package whose `package.json` depends on express and mongoose. */
export const inMongoPackage = (name: string): string => path.resolve(__dirname, '../fixtures/mongo-package/src', name);
/** A file name inside a package whose `package.json` depends on helmet 8 (which throws on bare CSP keywords). */
export const inHelmet8Package = (name: string): string => path.resolve(__dirname, '../fixtures/helmet8-package/src', name);
/** A file name inside a package whose `package.json` depends on express, mongoose and express-mongo-sanitize. */
export const inSanitizerPackage = (name: string): string => path.resolve(__dirname, '../fixtures/sanitizer-package/src', name);
/** A file name inside a package whose `package.json` depends on express, apollo-server-express, mongoose and pg. */
export const inGraphqlPackage = (name: string): string => path.resolve(__dirname, '../fixtures/graphql-package/src', name);
