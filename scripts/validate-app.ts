/**
 * `npm run validate [dir]`: checks an app package (default: dist/ when built, else the repository root) by
 * Zendesk's rules, offline (zcli apps:validate uploads the package to Zendesk). Prints one line per problem with
 * its file and path; exits 1 when there is an error (warnings alone pass).
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageFilesAt } from './validate/package-files';
import { formatProblem } from './validate/problem';
import { validatePackage } from './validate/validate-package';

const root = path.resolve(__dirname, '..');
const target = path.resolve(process.argv[2] ?? (fs.existsSync(path.join(root, 'dist/manifest.json')) ? 'dist' : root));
const problems = validatePackage(packageFilesAt(target));
for (const problem of problems) console.log(formatProblem(problem));
const errors = problems.filter((p) => p.severity === 'error').length;
console.log(`${path.relative(process.cwd(), target) || '.'}: ${errors} errors, ${problems.length - errors} warnings`);
process.exitCode = errors > 0 ? 1 : 0;
