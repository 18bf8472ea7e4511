export * from './model';
export * from './text';
export { parse, type ParseOptions, type ParseResult } from './parse/parse';
export { FrameworkRegistry } from './frameworks/registry';
export { builtinFrameworks, loadFrameworkFile } from './frameworks/builtin';
export { compileFramework, titleKey, type CompiledFramework, type TitleRole } from './frameworks/compiled';
export * from './frameworks/schema';
