/**
 * Walks a Block Kit message and lists every Slack limit it breaks, and every mrkdwn text that could
 * notify or link (an unescaped `<`). Shared by the renderer tests and the end-to-end tests.
 */
import {
  ACTION_ID_MAX,
  ACTIONS_ELEMENTS_MAX,
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  CONTEXT_ELEMENTS_MAX,
  CONTEXT_TEXT_MAX,
  FIELD_TEXT_MAX,
  HEADER_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  SECTION_FIELDS_MAX,
  SECTION_TEXT_MAX,
} from '../../../src/adapters/slack/limits.js';

type Json = Record<string, unknown>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Problems found; empty when the message is within every limit. `allowedMarkup` are tokens we put there on purpose. */
export function limitProblems(message: { text?: unknown; blocks?: unknown }, maxBlocks = MESSAGE_BLOCKS_MAX, allowedMarkup: string[] = []): string[] {
  const problems: string[] = [];
  const blocks = (message.blocks ?? []) as Json[];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  const checkText = (where: string, value: unknown, max: number, mrkdwn: boolean) => {
    if (typeof value !== 'string') return problems.push(`${where}: no text`);
    if (value.length > max) problems.push(`${where}: ${value.length} > ${max}`);
    if (value.length === 0) problems.push(`${where}: empty text`);
    if (LONE_SURROGATE.test(value)) problems.push(`${where}: split surrogate pair`);
    if (mrkdwn) {
      // Block-quote markers and links to http(s) URLs are ours; anything else in <…> is not.
      // So are the date tokens that show a formatting character (* _ ~ `) literally.
      let rest = value.replace(/^> ?/gm, '').replace(/<https?:\/\/[^<>|\s]+>/g, '').replace(/<!date\^00000000\^\{_\}\|[*_~`]>/g, '');
      for (const token of allowedMarkup) rest = rest.split(token).join('');
      if (/[<>]/.test(rest)) problems.push(`${where}: unescaped markup in ${JSON.stringify(rest.slice(0, 80))}`);
    }
    return undefined;
  };
  const textObject = (where: string, object: unknown, max: number) => {
    const text = object as Json | undefined;
    checkText(where, text?.text, max, text?.type === 'mrkdwn');
    if (text?.type === 'mrkdwn' && text.verbatim !== true) problems.push(`${where}: mrkdwn not verbatim (Slack would auto-link user text)`);
  };
  if (message.text !== undefined) checkText('text', message.text, 3000, true);
  blocks.forEach((block, index) => {
    const at = `block ${index} (${String(block.type)})`;
    switch (block.type) {
      case 'header':
        textObject(at, block.text, HEADER_TEXT_MAX);
        break;
      case 'section': {
        if (block.text) textObject(at, block.text, SECTION_TEXT_MAX);
        const fields = (block.fields ?? []) as Json[];
        if (fields.length > SECTION_FIELDS_MAX) problems.push(`${at}: ${fields.length} fields`);
        fields.forEach((field, i) => textObject(`${at} field ${i}`, field, FIELD_TEXT_MAX));
        if (!block.text && fields.length === 0) problems.push(`${at}: neither text nor fields`);
        break;
      }
      case 'context': {
        const elements = block.elements as Json[];
        if (elements.length > CONTEXT_ELEMENTS_MAX || elements.length === 0) problems.push(`${at}: ${elements.length} elements`);
        elements.forEach((element, i) => textObject(`${at} element ${i}`, element, CONTEXT_TEXT_MAX));
        break;
      }
      case 'actions': {
        const elements = block.elements as Json[];
        if (elements.length > ACTIONS_ELEMENTS_MAX || elements.length === 0) problems.push(`${at}: ${elements.length} elements`);
        const ids = new Set<string>();
        elements.forEach((element, i) => {
          const id = String(element.action_id);
          if (id.length > ACTION_ID_MAX) problems.push(`${at} element ${i}: action_id too long`);
          if (ids.has(id)) problems.push(`${at}: duplicate action_id ${id}`);
          ids.add(id);
          if (element.type === 'button') {
            textObject(`${at} button ${i}`, element.text, BUTTON_TEXT_MAX);
            if (typeof element.value === 'string' && element.value.length > BUTTON_VALUE_MAX) problems.push(`${at} button ${i}: value too long`);
          }
        });
        break;
      }
      case 'divider':
      case 'input':
        break;
      default:
        problems.push(`${at}: unexpected block type`);
    }
  });
  return problems;
}

/** Every mrkdwn and plain text of a message, joined, for content assertions. */
export function allText(message: { blocks?: unknown }): string {
  const texts: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const object = value as Json;
      if ((object.type === 'mrkdwn' || object.type === 'plain_text') && typeof object.text === 'string') texts.push(object.text);
      for (const [key, child] of Object.entries(object)) if (key !== 'text' || typeof child !== 'string') walk(child);
    }
  };
  walk(message.blocks);
  return texts.join('\n');
}
