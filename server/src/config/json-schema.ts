import { z } from 'zod';
import { FrameworkProfileSchema } from '../core/frameworks/schema';
import { allRules } from '../rules';
import { ConfigSchema } from './schema';

type JsonSchema = Record<string, unknown>;

/** JSON Schema (draft-07, which VS Code validates) of .inspection-lint.json, generated from its zod schema. */
export function configJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(ConfigSchema, { io: 'input', target: 'draft-7' }) as JsonSchema;
  // name the rules, so that editors complete them
  const properties = schema.properties as Record<string, JsonSchema>;
  const rules = properties.rules as JsonSchema;
  const severity = rules.additionalProperties as JsonSchema;
  rules.properties = Object.fromEntries(allRules.map((rule) => [rule.meta.id, { ...severity, description: `${rule.meta.description} (default: ${rule.meta.defaultSeverity})` }]));
  rules.additionalProperties = false;
  return { title: 'Inspection report linter configuration', ...schema };
}

/** JSON Schema of a framework profile (server/frameworks/*.json and customFrameworks entries). */
export function frameworkJsonSchema(): JsonSchema {
  return { title: 'Inspection framework profile', ...(z.toJSONSchema(FrameworkProfileSchema, { io: 'input', target: 'draft-7' }) as JsonSchema) };
}
