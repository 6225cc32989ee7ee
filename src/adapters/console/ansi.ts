/**
 * The few ANSI styles the console uses, and the cleaning of text before it reaches a terminal.
 */

/** Select Graphic Rendition pairs: [on, off]. */
const STYLES = {
  bold: ['\x1b[1m', '\x1b[22m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  italic: ['\x1b[3m', '\x1b[23m'],
  cyan: ['\x1b[36m', '\x1b[39m'],
  red: ['\x1b[31m', '\x1b[39m'],
  yellow: ['\x1b[33m', '\x1b[39m'],
} as const;

export type Style = keyof typeof STYLES;

/** A painter that styles text when colour is on and returns it unchanged when off. */
export type Painter = (text: string, ...styles: Style[]) => string;

/** Build the painter for a colour setting. */
export function painter(color: boolean): Painter {
  if (!color) return (text) => text;
  return (text, ...styles) => {
    if (text === '' || styles.length === 0) return text;
    const on = styles.map((style) => STYLES[style][0]).join('');
    const off = styles.map((style) => STYLES[style][1]).reverse().join('');
    return on + text + off;
  };
}

/**
 * Control characters (C0 except newline, DEL, C1) and bidirectional overrides, which could move the
 * cursor, recolour the terminal or reorder what is shown. Each is one UTF-16 unit, so replacing it
 * with one character keeps highlight offsets valid.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** Make text safe to print: tabs become spaces, other control characters a replacement mark. */
export function cleanForTerminal(text: string): string {
  return text.replace(UNSAFE, (char) => (char === '\t' ? ' ' : '\ufffd'));
}

/** Whether to use colour: only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}
