/**
 * The tabular reader lives in libs/core but is not re-exported by `@qingshou/core` (it pulls
 * in exceljs, which every other core user would then load at boot). This file is the one
 * place the imports lib reaches into it; if core grows a `@qingshou/core/tabular` entry,
 * only this line changes.
 */
export * from '../../../core/src/tabular';
