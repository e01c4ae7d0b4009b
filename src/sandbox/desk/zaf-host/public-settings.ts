/** A manifest parameter, as far as the host needs it. */
export interface ManifestParameter {
  readonly name: string;
  readonly secure?: boolean;
}

/**
 * The settings an app iframe may see (`metadata.settings`): every setting except the secure parameters, which
 * only the proxy uses. A setting the manifest does not declare is dropped too: it cannot be known to be harmless.
 */
export function publicSettings(
  parameters: readonly ManifestParameter[],
  settings: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const visible = new Set(parameters.filter((p) => p.secure !== true).map((p) => p.name));
  return Object.fromEntries(Object.entries(settings).filter(([name]) => visible.has(name)));
}
