import path from 'node:path';

import { nearestDependencies, packageDependsOn } from '../../src/express/package-info';
import { inExpressPackage, inPlainPackage } from '../helpers/packages';

describe('package-info', () => {
  it("reads the nearest package.json's dependencies", () => {
    expect(packageDependsOn(inExpressPackage('app.js'), 'express')).toBe(true);
    expect(packageDependsOn(inExpressPackage('deep/er/app.js'), 'express')).toBe(true);
    expect(packageDependsOn(inPlainPackage('app.js'), 'express')).toBe(false);
    expect(nearestDependencies(inPlainPackage('app.js'))).toEqual(new Set(['fastify']));
  });

  it('says nothing, without throwing, for a file without a real path or a package.json that does not parse', () => {
    expect(nearestDependencies('<input>')).toBeNull();
    expect(nearestDependencies(undefined)).toBeNull();
    expect(nearestDependencies(path.resolve(__dirname, '../fixtures/broken-package/src/app.js'))).toBeNull();
    expect(packageDependsOn(path.resolve(__dirname, '../fixtures/broken-package/src/app.js'), 'express')).toBe(false);
  });
});
