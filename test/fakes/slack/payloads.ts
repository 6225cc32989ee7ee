/**
 * Payloads shaped as Slack sends them (slash commands, interactions, events), with only the
 * fields a test varies as parameters.
 */
import { FAKE_BOT_USER_ID, FAKE_TEAM_ID } from './fake-slack.js';

export const USER_ID = 'U0ASKER1';
export const CHANNEL_ID = 'C0CHANNEL';

const team = { id: FAKE_TEAM_ID, domain: 'fake' };
const user = { id: USER_ID, username: 'asker', name: 'asker', team_id: FAKE_TEAM_ID };

/** A slash command's form fields. */
export function slashCommand(command: string, text: string, responseUrl: string): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    team_domain: 'fake',
    channel_id: CHANNEL_ID,
    channel_name: 'general',
    user_id: USER_ID,
    user_name: 'asker',
    command,
    text,
    api_app_id: 'A0FAKE',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1.2.trigger',
  };
}

/** A click on a button of an ephemeral message. */
export function buttonClick(
  action: { action_id: string; value: string; block_id?: string },
  responseUrl: string,
  /** Where the button sits: the asker's ephemeral copy (default) or a public message; who clicks. */
  at: { ephemeral?: boolean; clicker?: typeof user } = {},
) {
  return {
    type: 'block_actions',
    user: at.clicker ?? user,
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: CHANNEL_ID, is_ephemeral: at.ephemeral ?? true },
    trigger_id: '1.2.trigger',
    team,
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: CHANNEL_ID, name: 'general' },
    response_url: responseUrl,
    state: { values: {} },
    actions: [{ block_id: 'b1', ...action, type: 'button', text: { type: 'plain_text', text: 'x' }, action_ts: '1700000001.000200' }],
  };
}

/** A click or selection inside a view (App Home or a modal): no response_url, a trigger_id. */
export function viewAction(action: Record<string, unknown>, viewType: 'home' | 'modal' = 'home') {
  return {
    type: 'block_actions',
    user,
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: 'V0HOME' },
    trigger_id: '1.2.trigger',
    team,
    enterprise: null,
    is_enterprise_install: false,
    view: { id: 'V0HOME', type: viewType, blocks: [], private_metadata: '', callback_id: '', state: { values: {} }, hash: 'h' },
    actions: [{ block_id: 'b1', action_ts: '1700000001.000200', ...action }],
  };
}

/** The message shortcut on a message (optionally a reply inside a thread). */
export function messageShortcut(callbackId: string, message: { ts: string; thread_ts?: string }, responseUrl: string) {
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: '1700000002.000300',
    team,
    user,
    channel: { id: CHANNEL_ID, name: 'general' },
    is_enterprise_install: false,
    callback_id: callbackId,
    trigger_id: '1.2.trigger',
    response_url: responseUrl,
    message_ts: message.ts,
    message: { type: 'message', user: 'U0AUTHOR', text: 'What do we mean by trust here?', ...message },
  };
}

/** Type-ahead in an external select of a view. */
export function blockSuggestion(actionId: string, blockId: string, value: string) {
  return {
    type: 'block_suggestion',
    user,
    container: { type: 'view', view_id: 'V0MODAL' },
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    action_id: actionId,
    block_id: blockId,
    value,
    team,
    view: { id: 'V0MODAL', type: 'modal', blocks: [], private_metadata: '', callback_id: '', state: { values: {} }, hash: 'h' },
  };
}

/** A modal submitted, with its callback_id, private_metadata and state values. */
export function viewSubmission(callbackId: string, privateMetadata: string, values: Record<string, Record<string, unknown>>) {
  return {
    type: 'view_submission',
    team,
    user,
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    trigger_id: '1.2.trigger',
    view: {
      id: 'V0MODAL',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values },
      hash: 'h',
      blocks: [],
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** An Events API callback around an event. */
export function eventCallback(event: Record<string, unknown>) {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    api_app_id: 'A0FAKE',
    event,
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** `@lexicon …` said in a channel, in a thread when thread_ts is given. */
export function appMention(text: string, ts: string, threadTs?: string) {
  return eventCallback({
    type: 'app_mention',
    user: USER_ID,
    text: `<@${FAKE_BOT_USER_ID}> ${text}`,
    ts,
    channel: CHANNEL_ID,
    event_ts: ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
}

/** The user opened the app's Home tab. */
export function appHomeOpened() {
  return eventCallback({ type: 'app_home_opened', user: USER_ID, channel: 'D0HOME', tab: 'home', event_ts: '1700000003.000400' });
}

/** Where a payload comes from: a workspace, possibly inside an Enterprise Grid organization that installed the app org-wide. */
export interface FromWorkspace {
  teamId: string;
  enterpriseId?: string;
  /** The app is installed on the whole organization. */
  orgWide?: boolean;
}

/**
 * The same payload as sent from another workspace: slash-command fields, an interaction's `team`,
 * or an event envelope's `team_id` and `authorizations`, as Slack fills them in.
 */
export function fromWorkspace<T extends Record<string, unknown>>(payload: T, from: FromWorkspace): T {
  const orgWide = from.orgWide === true;
  const copy: Record<string, unknown> = { ...payload };
  if ('command' in copy) {
    copy.team_id = from.teamId;
    if (from.enterpriseId) copy.enterprise_id = from.enterpriseId;
    copy.is_enterprise_install = String(orgWide);
  } else if (copy.type === 'event_callback') {
    copy.team_id = from.teamId;
    if (from.enterpriseId) copy.enterprise_id = from.enterpriseId;
    copy.authorizations = [{ team_id: orgWide ? null : from.teamId, enterprise_id: from.enterpriseId ?? null, user_id: FAKE_BOT_USER_ID, is_bot: true, is_enterprise_install: orgWide }];
  } else {
    copy.team = { id: from.teamId, domain: from.teamId.toLowerCase() };
    copy.enterprise = from.enterpriseId ? { id: from.enterpriseId, name: from.enterpriseId } : null;
    copy.is_enterprise_install = orgWide;
  }
  return copy as T;
}

/** The app was uninstalled from a workspace (or organization). */
export function appUninstalled() {
  return eventCallback({ type: 'app_uninstalled', event_ts: '1700000004.000500' });
}

/** Tokens of the app were revoked in a workspace: the bot's, or only users'. */
export function tokensRevoked(tokens: { bot?: string[]; oauth?: string[] }) {
  return eventCallback({ type: 'tokens_revoked', tokens, event_ts: '1700000005.000600' });
}
