/** How a file is named in messages: relative to the working directory when inside it, else absolute. */
import path from 'node:path';

/** `absolute` as shown to the operator, with forward slashes. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
}
