// Injected into the CommonJS bundle of the CLI (scripts/build.mjs): `import.meta.url` of its
// modules, which is the bundle's own file.
/* global __filename */
import { pathToFileURL } from 'node:url';

export const import_meta_url = pathToFileURL(__filename).href;
