/**
 * The bot's dispatcher: the core's `createDispatcher` over the one command list in `commands/`.
 * Entry points and adapters use this one; tests may build their own over other commands.
 */
import { createDispatcher } from './core/dispatch.js';
import { commands } from '../commands/index.js';

/** The dispatcher every surface of the bot answers through. */
export const dispatcher = createDispatcher(commands);
