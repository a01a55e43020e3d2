// package.json and package-lock.json agree on every range, so `npm install` on a fresh clone leaves the lock as it is (issue 11 #13).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const read = (file: string) => JSON.parse(readFileSync(join(__dirname, '../..', file), 'utf8'));

test('the lock records the devDependency ranges package.json asks for', () => {
  const pkg = read('package.json');
  const lock = read('package-lock.json');
  expect(lock.packages[''].devDependencies).toEqual(pkg.devDependencies);
  expect(lock.packages[''].dependencies ?? {}).toEqual(pkg.dependencies ?? {});
  expect(lock.version).toBe(pkg.version);
});
