import type { zhCN } from './messages.zh-CN';

/** A key of the catalogue; t() takes no other, so a misspelt or missing key is a type error. */
export type MessageKey = keyof typeof zhCN;

/** One language's catalogue: a text for every key, {name} marking what t() fills in. */
export type Messages = Record<MessageKey, string>;
