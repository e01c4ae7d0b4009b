import fs from 'node:fs';
import path from 'node:path';
import { error, type Problem } from './problem';

/** Read access to an app package directory (dist/ or the repository root), for the validators. */
export interface PackageFiles {
  readonly root: string;
  exists(relative: string): boolean;
  list(relativeDir: string): readonly string[];
  read(relative: string): Buffer;
}

export function packageFilesAt(root: string): PackageFiles {
  const full = (relative: string) => path.join(root, relative);
  return {
    root,
    exists: (relative) => fs.existsSync(full(relative)),
    list: (relativeDir) => (fs.existsSync(full(relativeDir)) ? fs.readdirSync(full(relativeDir)).sort() : []),
    read: (relative) => fs.readFileSync(full(relative)),
  };
}

/** Parses a JSON file of the package; a missing or broken file is a problem, not an exception. */
export function readJson(files: PackageFiles, file: string, problems: Problem[]): unknown {
  if (!files.exists(file)) {
    problems.push(error(file, '', 'file is missing'));
    return undefined;
  }
  try {
    return JSON.parse(files.read(file).toString('utf8')) as unknown;
  } catch (cause) {
    problems.push(error(file, '', `not valid JSON: ${(cause as Error).message}`));
    return undefined;
  }
}
