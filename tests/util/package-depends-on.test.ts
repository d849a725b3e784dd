import path from 'node:path';

import { nearestPackageJson, packageDependsOn } from '../../src/util/package-json';
import { inExpressPackage, inPlainPackage } from '../helpers/packages';

describe('packageDependsOn (nearest package.json)', () => {
  it("reads the nearest package.json's dependencies", () => {
    expect(packageDependsOn(inExpressPackage('app.js'), 'express')).toBe(true);
    expect(packageDependsOn(inExpressPackage('deep/er/app.js'), 'express')).toBe(true);
    expect(packageDependsOn(inPlainPackage('app.js'), 'express')).toBe(false);
    expect([...(nearestPackageJson(inPlainPackage('app.js'))?.dependencies.keys() ?? [])]).toEqual(['fastify']);
  });

  it('says nothing, without throwing, for a file without a real path or a package.json that does not parse', () => {
    expect(nearestPackageJson('<input>')).toBeNull();
    expect(nearestPackageJson(undefined)).toBeNull();
    expect(nearestPackageJson(path.resolve(__dirname, '../fixtures/broken-package/src/app.js'))).toBeNull();
    expect(packageDependsOn(path.resolve(__dirname, '../fixtures/broken-package/src/app.js'), 'express')).toBe(false);
  });
});
