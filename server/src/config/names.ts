import type { Config } from './schema';

export const CONFIG_FILE_NAME = '.inspection-lint.json';

export const emptyConfig: Config = { rules: {}, frameworks: [], customFrameworks: [], reports: [] };
