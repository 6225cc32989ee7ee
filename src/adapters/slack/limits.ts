/**
 * Slack's Block Kit limits, named so the renderer can prove it never exceeds them. Lengths are
 * counted in UTF-16 code units (JavaScript's `length`), which is never less than Slack's character
 * count, so staying under them here stays under them in Slack.
 */

/** Text of a section block (mrkdwn or plain_text). */
export const SECTION_TEXT_MAX = 3000;
/** Fields of one section block. */
export const SECTION_FIELDS_MAX = 10;
/** Text of one section field. */
export const FIELD_TEXT_MAX = 2000;
/** Blocks in one message. */
export const MESSAGE_BLOCKS_MAX = 50;
/** Blocks in a modal or the App Home tab. */
export const VIEW_BLOCKS_MAX = 100;
/** Text of a header block (plain_text). */
export const HEADER_TEXT_MAX = 150;
/** Elements of one context block. */
export const CONTEXT_ELEMENTS_MAX = 10;
/** Text of one context element. */
export const CONTEXT_TEXT_MAX = 3000;
/** Elements of one actions block. */
export const ACTIONS_ELEMENTS_MAX = 25;
/** Text of a button (plain_text). */
export const BUTTON_TEXT_MAX = 75;
/** Value of a button. */
export const BUTTON_VALUE_MAX = 2000;
/** An action_id (and block_id). */
export const ACTION_ID_MAX = 255;
/** Text of an option of a select menu (plain_text). */
export const OPTION_TEXT_MAX = 75;
/** Value of an option of a select menu. */
export const OPTION_VALUE_MAX = 150;
/** Options in one select-menu answer. */
export const OPTIONS_MAX = 100;
/** A modal's title, submit and close labels. */
export const VIEW_TITLE_MAX = 24;
/** A view's private_metadata. */
export const PRIVATE_METADATA_MAX = 3000;
/** A message's top-level `text` (Slack truncates beyond 40,000; we keep notifications short). */
export const MESSAGE_TEXT_MAX = 3000;
