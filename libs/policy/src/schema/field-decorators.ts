import { Allow, registerDecorator, ValidationArguments } from 'class-validator';
import { RefKind, validationContext } from './validation-context';
import {
  ACCEPTED_PARAMETER_TYPES,
  Bounds,
  checkLiteral,
  FieldKind,
  isParamRef,
  templateStyleRef,
} from './value-kinds';

/**
 * Decorators for pack classes. Besides validating, they record per class which properties
 * hold parameterisable values and which hold conditions, actions or metric arguments, so
 * the loader can walk a typed pack generically (parse rules, substitute parameters).
 */

export interface KindSpec {
  readonly kind: FieldKind;
  readonly bounds: Bounds;
}

export type Marker =
  | { readonly type: 'condition' }
  | { readonly type: 'actions'; readonly allowed?: readonly string[] }
  | { readonly type: 'metricArgs'; readonly metricProperty: string };

const KINDS = new Map<unknown, Map<string, KindSpec>>();
const MARKERS = new Map<unknown, Map<string, Marker>>();

function record<T>(store: Map<unknown, Map<string, T>>, ctor: unknown, key: string, value: T) {
  const own = store.get(ctor) ?? new Map<string, T>();
  own.set(key, value);
  store.set(ctor, own);
}

function collect<T>(store: Map<unknown, Map<string, T>>, instance: object): Map<string, T> {
  const result = new Map<string, T>();
  let proto: unknown = Object.getPrototypeOf(instance);
  const chain: unknown[] = [];
  while (proto && proto !== Object.prototype) {
    chain.unshift((proto as { constructor: unknown }).constructor);
    proto = Object.getPrototypeOf(proto);
  }
  for (const ctor of chain) for (const [k, v] of store.get(ctor) ?? []) result.set(k, v);
  return result;
}

export const kindsOf = (instance: object) => collect(KINDS, instance);
export const markersOf = (instance: object) => collect(MARKERS, instance);
export const isTyped = (instance: object): boolean =>
  kindsOf(instance).size > 0 || markersOf(instance).size > 0;

const DESCRIBE: Readonly<Record<FieldKind, string>> = {
  integer: 'an integer',
  decimal: 'a decimal',
  percent: 'a percent',
  number: 'a number',
  date: 'a date',
  duration: 'a duration',
  workingDuration: 'a working-time duration',
  boolean: 'a boolean',
  string: 'a text',
};

function refProblem(ref: Record<string, unknown>, kind: FieldKind): string | null {
  if (Object.keys(ref).length !== 1 || typeof ref.param !== 'string') {
    return 'a parameter reference is written { param: <name> } and nothing else';
  }
  const context = validationContext();
  if (!context) return `parameter "${ref.param}" was not substituted`;
  const declared = context.params.get(ref.param);
  if (!declared) return `parameter "${ref.param}" is not declared`;
  if (!ACCEPTED_PARAMETER_TYPES[kind].includes(declared.type)) {
    return `parameter "${ref.param}" is of type ${declared.type}; this field needs ${DESCRIBE[kind]}`;
  }
  return null;
}

/** Why a value does not fit a field of `kind`, or null. Absent values are left to @IsDefined. */
export function fieldProblem(kind: FieldKind, bounds: Bounds, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const styled = templateStyleRef(value);
  if (styled) return `write { param: ${styled} } instead of "{{params.${styled}}}"`;
  if (isParamRef(value)) return refProblem(value as unknown as Record<string, unknown>, kind);
  const check = checkLiteral(kind, value, bounds);
  return check.ok ? null : check.reason;
}

/** A literal of `kind` or a `{ param: name }` naming a declared parameter of a fitting type. */
export function ValueOrParam(kind: FieldKind, bounds: Bounds = {}): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    const name = String(property);
    record(KINDS, target.constructor, name, { kind, bounds });
    registerDecorator({
      name: 'valueOrParam',
      target: target.constructor,
      propertyName: name,
      validator: {
        validate: (value: unknown) => fieldProblem(kind, bounds, value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          fieldProblem(kind, bounds, args?.value) ?? 'is invalid',
      },
    });
  };
}

const LABELS: Partial<Record<RefKind, string>> = {
  taskKind: 'task kind',
  groupType: 'group type',
  approvalKind: 'approval kind',
  reasonCode: 'reason code',
  importMapping: 'import mapping',
  accountType: 'account type',
  scope: 'breakdown',
};

function known(kind: RefKind, names: ReadonlySet<string>): string {
  if (names.size === 0) return ' (none declared)';
  const list = [...names].sort();
  return ` (known: ${list.slice(0, 24).join(', ')}${list.length > 24 ? ', …' : ''})`;
}

export function refToProblem(kind: RefKind, value: unknown, each: boolean): string | null {
  if (value === undefined || value === null) return null;
  if (each && !Array.isArray(value)) return 'must be a list';
  const context = validationContext();
  for (const name of each ? (value as unknown[]) : [value]) {
    if (typeof name !== 'string' || name.trim() === '') return 'must be a name';
    const names = context?.refs[kind] ?? new Set<string>();
    if (kind === 'template' && context?.planAgreements.has(name)) {
      return `template "${name}" is the plan agreement (purpose: plan-agreement): it is printed from the case page's 还款计划 panel with a plan's figures, never sent as a notice`;
    }
    if (names.has(name)) continue;
    if (kind === 'template') {
      return `template "${name}" not found (no templates/${name}.hbs in this pack or the packs it extends)`;
    }
    return `unknown ${LABELS[kind] ?? kind} "${name}"${known(kind, names)}`;
  }
  return null;
}

/** A name the pack (or the platform) declares: a role, a flag, a template, a stage… */
export function RefTo(kind: RefKind, options: { each?: boolean } = {}): PropertyDecorator {
  const each = options.each ?? false;
  return (target: object, property: string | symbol) => {
    registerDecorator({
      name: `refTo${kind}`,
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (value: unknown) => refToProblem(kind, value, each) === null,
        defaultMessage: (args?: ValidationArguments) =>
          refToProblem(kind, args?.value, each) ?? 'is invalid',
      },
    });
  };
}

function marker(value: Marker): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    record(MARKERS, target.constructor, String(property), value);
    Allow()(target, property);
  };
}

/** Holds a condition built from the CONDITIONS registry; parsed by the loader. */
export const ConditionField = () => marker({ type: 'condition' });
/**
 * Holds a list of actions from the ACTIONS registry; parsed by the loader. `allowed` limits
 * the names where only some make sense (a routine has no case to send a notice about).
 */
export const ActionsField = (allowed?: readonly string[]) => marker({ type: 'actions', allowed });
/** Holds the arguments of the metric named by the sibling property. */
export const MetricArgsField = (metricProperty = 'metric') =>
  marker({ type: 'metricArgs', metricProperty });
