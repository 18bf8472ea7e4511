import { z } from 'zod';
import { FrameworkProfileSchema } from '../core/frameworks/schema';

export const SeveritySettingSchema = z
  .enum(['error', 'warning', 'info', 'off'])
  .describe('How a rule reports: "error", "warning", "info", or "off" to disable it.');

export const FrameworkAssignmentSchema = z
  .strictObject({
    files: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .describe('Glob(s) of files, relative to this configuration file, e.g. "reports/2011/**/*.txt".'),
    framework: z.string().min(1).describe('Framework id for these files, e.g. "slac-2011".'),
  })
  .describe('Reads matching files as reports of this framework (a framework directive in a file still wins).');

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    rules: z
      .record(z.string(), SeveritySettingSchema)
      .default({})
      .describe('Severity per rule id, e.g. { "paragraph-numbering": "off" }.'),
    frameworks: z.array(FrameworkAssignmentSchema).default([]).describe('Frameworks for globs of files.'),
    customFrameworks: z
      .array(FrameworkProfileSchema)
      .default([])
      .describe('Frameworks defined here, in the same form as the built-in ones; they can then be named by id.'),
    reports: z
      .array(z.string().min(1))
      .default([])
      .describe('Globs of files that are reports even when no framework is recognised in them (the editor lints them).'),
  })
  .describe('Configuration of the inspection report linter (.inspection-lint.json).');

export type Config = z.output<typeof ConfigSchema>;
