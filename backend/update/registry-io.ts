import { formatRegistry } from '../format/canonical.ts';
import type { Registry } from '../registry/types.ts';
import { validateText } from '../validate/validate.ts';

/** The canonical text `driverlog format` writes, so an update never leaves a format diff. */
export function serializeRegistry(registry: Registry): string {
  return formatRegistry(registry);
}

/** Errors block a run and a write; warnings (e.g. a broad pattern) are the maintainers' call. */
export function checkRegistryText(
  text: string,
  file: string,
): { ok: true } | { ok: false; problems: string[] } {
  const errors = validateText(text, file).filter((problem) => problem.severity === 'error');
  if (errors.length === 0) return { ok: true };
  return {
    ok: false,
    problems: errors.map(
      (p) => `${p.file}:${p.line}:${p.column}  ${p.check}  ${p.message}\n    hint: ${p.hint}`,
    ),
  };
}
