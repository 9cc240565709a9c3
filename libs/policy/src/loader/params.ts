import type { ParameterSpec } from '../schema/parameters.schema';
import { checkLiteral, checkParameterValue, FieldKind, ParameterType } from '../schema/value-kinds';
import { PackProblem } from './problem';

export type ParamValue = string | number | boolean;

const BOUNDED: readonly ParameterType[] = ['integer', 'decimal', 'percent', 'date'];

/** Each declaration is sound: default or required, bounds and values fit the type. */
export function declarationProblems(parameters: readonly ParameterSpec[]): PackProblem[] {
  const out: PackProblem[] = [];
  parameters.forEach((p, i) => {
    const at = `parameters[${i}]`;
    if (p.type === 'enum' && !p.values?.length)
      out.push({ path: `${at}.values`, reason: 'an enum parameter lists its values' });
    if (p.type !== 'enum' && p.values)
      out.push({ path: `${at}.values`, reason: 'only an enum parameter has values' });
    for (const bound of ['min', 'max'] as const) {
      if (p[bound] === undefined) continue;
      if (!BOUNDED.includes(p.type)) {
        out.push({ path: `${at}.${bound}`, reason: `a ${p.type} parameter has no ${bound}` });
        continue;
      }
      const check = checkLiteral(p.type as FieldKind, p[bound]);
      if (!check.ok) out.push({ path: `${at}.${bound}`, reason: check.reason });
    }
    if ((p.default === undefined) === (p.required !== true)) {
      out.push({
        path: `${at}.default`,
        reason: 'give a default, or required: true when the tenant must supply it',
      });
    } else if (p.default !== undefined) {
      const check = valueCheck(p, p.default);
      if (!check.ok) out.push({ path: `${at}.default`, reason: check.reason });
    }
  });
  return out;
}

function valueCheck(p: ParameterSpec, value: unknown) {
  return checkParameterValue(
    p.type,
    value,
    { min: p.min, max: p.max },
    p.values?.map((v) => v.code),
  );
}

/** `--param legalReferralDpd=60` arrives as text; read it as the declared type. */
function coerce(type: ParameterType, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (type === 'integer' && /^-?\d+$/.test(text)) return Number(text);
  if (type === 'boolean' && /^(true|false|是|否)$/i.test(text)) return /^(true|是)$/i.test(text);
  return value;
}

export interface EffectiveParams {
  /** Every parameter's value: the override, else the default. */
  readonly values: Record<string, ParamValue>;
  /** Only what the tenant gave, normalised. */
  readonly overrides: Record<string, ParamValue>;
  /** Required parameters nobody supplied (only when `requireAll` is off). */
  readonly unresolved: string[];
}

/**
 * The tenant's overrides checked against the declarations: unknown names, wrong types and
 * out-of-range values are problems at `params.<name>`.
 */
export function effectiveParams(
  parameters: readonly ParameterSpec[],
  given: Readonly<Record<string, unknown>>,
  requireAll: boolean,
  out: PackProblem[],
): EffectiveParams {
  const byName = new Map(parameters.map((p) => [p.name, p]));
  const values: Record<string, ParamValue> = {};
  const overrides: Record<string, ParamValue> = {};
  const unresolved: string[] = [];
  for (const name of Object.keys(given)) {
    if (!byName.has(name)) {
      const declared = [...byName.keys()].join(', ') || 'none';
      out.push({
        path: `params.${name}`,
        reason: `not a parameter of this pack (declared: ${declared})`,
      });
    }
  }
  for (const p of parameters) {
    // The resolved pack shows defaults as the engine reads them ("50%" → "0.5").
    const normalised = p.default === undefined ? null : valueCheck(p, p.default);
    if (normalised?.ok) p.default = normalised.value;
    if (Object.prototype.hasOwnProperty.call(given, p.name)) {
      const check = valueCheck(p, coerce(p.type, given[p.name]));
      if (!check.ok) out.push({ path: `params.${p.name}`, reason: check.reason });
      else overrides[p.name] = values[p.name] = check.value as ParamValue;
    } else if (normalised?.ok) {
      values[p.name] = normalised.value as ParamValue;
    } else if (requireAll) {
      out.push({ path: `params.${p.name}`, reason: 'is required (the pack gives no default)' });
    } else {
      unresolved.push(p.name);
    }
  }
  return { values, overrides, unresolved };
}
