import path from 'node:path';
import { packageFilesAt } from '../../../scripts/validate/package-files';
import { validatePackage } from '../../../scripts/validate/validate-package';
import { aPackage } from './a-package';

describe('validatePackage', () => {
  it('finds nothing wrong with this repository’s app (manifest, requirements, five locales)', () => {
    const root = path.resolve(__dirname, '../../..');
    expect(validatePackage(packageFilesAt(root))).toEqual([]);
  });

  it('reports unreadable files with their names instead of throwing', () => {
    const problems = validatePackage(aPackage({ 'manifest.json': '{ "name": ', 'requirements.json': '[]' }));
    expect(problems.map((p) => `${p.file}: ${p.message.split(':')[0]}`)).toEqual([
      'manifest.json: not valid JSON',
      'requirements.json: must be a JSON object of resource types',
    ]);
  });

  it('reports a missing manifest', () => {
    expect(validatePackage(aPackage({ 'manifest.json': undefined })).map((p) => `${p.file}: ${p.message}`)).toContain(
      'manifest.json: file is missing',
    );
  });
});
