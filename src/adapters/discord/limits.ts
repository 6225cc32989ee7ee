/**
 * Discord's size limits, named, so rendering can respect every one of them
 * (https://discord.com/developers/docs/resources/message#embed-object-embed-limits and components docs).
 */
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_AUTHOR_NAME_MAX = 256;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1024;
export const EMBED_FIELDS_MAX = 25;
export const EMBED_FOOTER_MAX = 2048;
/** Title + description + field names and values + footer + author name, across all embeds of a message. */
export const EMBED_TOTAL_MAX = 6000;
export const MESSAGE_CONTENT_MAX = 2000;
export const BUTTONS_PER_ROW = 5;
export const ACTION_ROWS_MAX = 5;
export const BUTTON_LABEL_MAX = 80;
export const CUSTOM_ID_MAX = 100;
/** Autocomplete and option choices. */
export const CHOICES_MAX = 25;
export const CHOICE_NAME_MAX = 100;
export const CHOICE_VALUE_MAX = 100;
export const COMMAND_DESCRIPTION_MAX = 100;
