export * from './model';
export * from './text';
export { parse, type ParseOptions, type ParseResult } from './parse/parse';
export { FrameworkRegistry } from './frameworks/registry';
export { builtinFrameworks, loadFrameworkFile } from './frameworks/builtin';
export { compileFramework, titleKey, type CompiledFramework, type TitleRole } from './frameworks/compiled';
export * from './frameworks/schema';
export { linkRecord, judgementKey, type RecordLinks, type MisplacedRows } from './analysis/record-links';
export { writeGrade, rewriteGrade, describeLevel, describeScale, termFor } from './frameworks/notation';
