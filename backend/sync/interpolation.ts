import { quote } from '../common/quote.ts';
import { IniSyntax, type IniOption, type SectionOptions } from './configparser.ts';

// configparser's BasicInterpolation, as sphinx-feature-classification reads values with it.

/** configparser's MAX_INTERPOLATION_DEPTH. */
const MAX_DEPTH = 10;
const REFERENCE = /%\(([^)]+)\)s/y;

interface Expansion {
  text: string;
  /** How deep its %(…)s references nest (1: the value itself holds `%`), as configparser counts steps. */
  levels: number;
}

/**
 * An option's value as configparser's get() returns it: `%%` is `%`, `%(name)s` is another option of the
 * section (or of [DEFAULT]); any other `%` is an error, at the option's line. References nest at most 10 deep,
 * as in configparser, and a value that would expand beyond `max` characters is an error too: each option is
 * expanded once, so a file of a few hundred bytes cannot ask for gigabytes.
 */
export function getValue(options: SectionOptions, name: string, max = Infinity): string | undefined {
  const option = options.get(name);
  if (option === undefined) return undefined;
  if (!option.raw.includes('%')) return option.raw;
  return expand({ options, at: option, max, memo: new Map() }, option, 1).text;
}

interface Expanding {
  options: SectionOptions;
  /** The option read: errors are at its line. */
  at: IniOption;
  max: number;
  memo: Map<IniOption, Expansion>;
}

function expand(ctx: Expanding, option: IniOption, depth: number): Expansion {
  const { at, max } = ctx;
  const known = ctx.memo.get(option);
  if (depth > MAX_DEPTH || (known && depth + known.levels - 1 > MAX_DEPTH)) {
    throw new IniSyntax(
      at.line,
      `%(…)s references nest deeper than ${MAX_DEPTH} (configparser's limit)`,
      'remove the reference loop, or write the value out',
    );
  }
  if (known) return known;
  const raw = option.raw;
  let text = '';
  let below = 0;
  let from = 0;
  for (let p = raw.indexOf('%'); p !== -1; p = raw.indexOf('%', from)) {
    text += raw.slice(from, p);
    if (raw[p + 1] === '%') {
      text += '%';
      from = p + 2;
      continue;
    }
    REFERENCE.lastIndex = p;
    const reference = raw[p + 1] === '(' ? REFERENCE.exec(raw) : null;
    if (!reference) {
      throw new IniSyntax(
        at.line,
        `"%" must be followed by "%" or "(name)s", found ${quote(raw.slice(p, p + 20))}`,
        'write %% for a literal percent sign',
      );
    }
    const target = ctx.options.get(reference[1]!.toLowerCase());
    if (!target) {
      throw new IniSyntax(
        at.line,
        `${quote(reference[0])} names no option of this section`,
        'write %% for a literal percent sign, or define the option',
      );
    }
    if (target.raw.includes('%')) {
      const inner = expand(ctx, target, depth + 1);
      text += inner.text;
      below = Math.max(below, inner.levels);
    } else text += target.raw;
    from = p + reference[0].length;
    if (text.length > max) {
      throw new IniSyntax(
        at.line,
        `its %(…)s references expand to more than ${max.toLocaleString('en-US')} characters, more than the registry keeps`,
        'write the value out, shorter',
      );
    }
  }
  const expansion = { text: text + raw.slice(from), levels: below + 1 };
  ctx.memo.set(option, expansion);
  return expansion;
}
