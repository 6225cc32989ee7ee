/**
 * The evaluation set: realistic look-ups typed the way researchers type in chat, each with the
 * entries the document says should answer it and why. Validated with zod once, on load.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as z from 'zod';

export const EVAL_CATEGORIES = [
  'entry-name', 'acronym-glossary', 'cited-scholar', 'question', 'misspelling', 'cjk', 'topic', 'compare', 'absent',
] as const;
export type EvalCategory = (typeof EVAL_CATEGORIES)[number];

export const EvalQuerySchema = z.object({
  query: z.string().min(1),
  category: z.enum(EVAL_CATEGORIES),
  /** Entry ids that answer it; empty for a query the document does not touch. */
  expect: z.array(z.string().min(1)),
  why: z.string().min(1),
}).strict();
export type EvalQuery = z.infer<typeof EvalQuerySchema>;

/** The repository's evaluation set directory. */
export const EVAL_DIR = fileURLToPath(new URL('../../test/fixtures/eval/', import.meta.url));

/** Every query of every `*.json` file in `dir`, in file-name order; a malformed file throws naming it. */
export function loadEvalSet(dir: string = EVAL_DIR): (EvalQuery & { file: string })[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  return files.flatMap((file) => {
    const parsed = z.array(EvalQuerySchema).safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    return parsed.data.map((query) => ({ ...query, file }));
  });
}
