/**
 * The tabular reader is core's second public entry, `@qingshou/core/tabular`, not part of
 * `@qingshou/core` (it pulls in exceljs, which every other core user would then load at
 * boot). The imports lib reads it through this one file.
 */
export * from '@qingshou/core/tabular';
