/**
 * The one command list every surface (console, CLI, Discord, Slack) serves, in help order.
 */
import type { Command } from '../src/core/command.js';
import define from './define.js';
import translate from './translate.js';
import cite from './cite.js';
import search from './search.js';
import compare from './compare.js';
import entries from './entries.js';
import help from './help.js';
import read from './read.js';
import type { TeamCommand } from '../src/core/team-command.js';
import settings from './settings.js';
import stats from './stats.js';

export const commands: readonly Command[] = [define, translate, cite, search, compare, read, entries, help];

/** The commands over the team's store, restricted to those who manage the server or workspace. */
export const teamCommands: readonly TeamCommand[] = [settings, stats];
