import { validateManifest } from './manifest-rules';
import { readJson, type PackageFiles } from './package-files';
import { isObject, type Problem } from './problem';
import { validateRequirements } from './requirements-rules';
import { validateTranslations } from './translation-rules';

/** Every problem with the app package in `files`, by Zendesk's rules and ours; an empty list means it is valid. */
export function validatePackage(files: PackageFiles): Problem[] {
  const problems: Problem[] = [];
  const manifest = readJson(files, 'manifest.json', problems);
  if (manifest !== undefined) problems.push(...validateManifest(manifest, files));
  if (files.exists('requirements.json')) {
    const requirements = readJson(files, 'requirements.json', problems);
    if (requirements !== undefined) problems.push(...validateRequirements(requirements));
  }
  const catalogs = new Map<string, unknown>();
  for (const file of files.list('translations').filter((name) => name.endsWith('.json'))) {
    catalogs.set(file.replace(/\.json$/, ''), readJson(files, `translations/${file}`, problems));
  }
  const m = isObject(manifest) ? manifest : {};
  problems.push(
    ...validateTranslations({
      defaultLocale: typeof m.defaultLocale === 'string' ? m.defaultLocale : 'en',
      catalogs,
      parameterNames: Array.isArray(m.parameters)
        ? m.parameters.filter((p) => isObject(p) && p.type !== 'hidden' && typeof p.name === 'string').map((p) => String(p.name))
        : [],
      isPrivate: m.private !== false,
    }),
  );
  return problems;
}
