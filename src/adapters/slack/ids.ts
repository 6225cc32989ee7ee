/**
 * The identifiers Slack sends back to us (callback ids, action ids, block ids), in one place so the
 * manifest, the views and the listeners agree.
 */

/** Message shortcut "Share lexicon excerpt". */
export const SHARE_SHORTCUT_CALLBACK_ID = 'share_lexicon_excerpt';
export const SHARE_SHORTCUT_NAME = 'Share lexicon excerpt';
/** The modal the shortcut opens. */
export const SHARE_VIEW_CALLBACK_ID = 'share_lexicon_excerpt_modal';
/** The modal showing an answer (from the Home tab). */
export const ANSWER_VIEW_CALLBACK_ID = 'lexicon_answer_modal';
/** The entry picker of the share modal (an external select fed by search). */
export const ENTRY_PICK_BLOCK_ID = 'entry';
export const ENTRY_PICK_ACTION_ID = 'entry_pick';
/** The search box of the Home tab (an external select fed by search). */
export const HOME_SEARCH_ACTION_ID = 'home_search';
/** The settings menus of the Home tab: `lexicon_setting:<name>`, answered by one listener. */
export const SETTING_ACTION_PREFIX = 'lexicon_setting:';
