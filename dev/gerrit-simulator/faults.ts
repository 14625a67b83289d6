import type { Fault, FaultRule } from './types.ts';

/** The first rule that matches this request and has uses left; its `times` counts down. */
export function takeFault(rules: FaultRule[], path: string, query: string): Fault | undefined {
  for (const rule of rules) {
    if ((rule.times ?? Infinity) <= 0) continue;
    if (!matches(rule, path, query)) continue;
    if (rule.times !== undefined) rule.times--;
    return rule.fault;
  }
  return undefined;
}

function matches(rule: FaultRule, path: string, query: string): boolean {
  const { path: wanted, query: queryPattern } = rule.match ?? {};
  if (typeof wanted === 'string' && wanted !== path) return false;
  if (wanted instanceof RegExp && !wanted.test(path)) return false;
  return !(queryPattern && !queryPattern.test(query));
}
