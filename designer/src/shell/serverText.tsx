import { useT, type MessageKey, type Params, type Translate } from '../i18n';
import { formatTime } from './format';

// Texts the server writes for people and stores as they are: block reasons (the inbox, the dry run, the impact preview),
// exception details and resolutions, re-map reasons. They carry no code, and the runtime keeps them as text, so the
// designer knows the server's fixed phrasings (written in src/Orchestrator.Lifecycle, Orchestrator.Rules, Orchestrator.Domain
// and the exception endpoints) and says those in the screen's language, the server's words as the tooltip. Everything
// else (a rule's own reason, a person's note, a platform's message) is shown as written: it is in its author's language.

/** A server text in the screen's language; `original` is the server's own, set only when the text was reworded. */
export interface Said {
  text: string;
  original?: string;
}

interface Phrasing {
  pattern: RegExp;
  say: (m: RegExpExecArray, t: Translate) => string;
}

const list = (t: Translate) => (t.lang === 'en' ? ', ' : '、');
const fill = (key: MessageKey, params?: Params) => (_: RegExpExecArray, t: Translate) => t(key, params);
/** "Order cancelled. 买家不要了" → the note after the fixed part, in brackets in either language. */
const withNote = (key: MessageKey, note: string | undefined, t: Translate, params?: Params) =>
  t(key, params) + (note ? (t.lang === 'en' ? ` (${note})` : `（${note}）`) : '');

const phrasings: Phrasing[] = [
  // Review: BuiltInReviewPolicy.UnmappedSkuReason, the picking rejection, CompiledRuleSet.ReasonOf and its failures,
  // RulesReviewPolicy, ServiceReviewActivity and AwaitReviewActivity.
  { pattern: /^含未匹配商品 \(unmapped merchant code\): (.*)$/, say: (m, t) => t('said.unmappedSku', { codes: m[1].split(', ').join(list(t)) }) },
  { pattern: /^打单配货驳回 \(rejected at picking\): (.*)$/, say: (m, t) => t('said.rejectedAtPicking', { reason: m[1] }) },
  { pattern: /^The rule set could not be evaluated: /, say: fill('said.ruleSetUnevaluated') },
  { pattern: /^rule «(.+)» could not be evaluated: /, say: (m, t) => t('said.ruleUnevaluated', { rule: m[1] }) },
  { pattern: /^The (platform|shop) rule set v(\d+) could not be compiled: /, say: (m, t) => t(m[1] === 'platform' ? 'said.platformSetUncompiled' : 'said.shopSetUncompiled', { version: m[2] }) },
  { pattern: /^(.+): hold until (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)Z$/, say: (m, t) => t('said.holdUntil', { rule: m[1], time: formatTime(`${m[2]}T${m[3]}Z`, t) }) },
  { pattern: /^(.+): auto-approved$/, say: (m, t) => t('said.autoApproved', { rule: m[1] }) },
  { pattern: /^(.+): (Block|RouteToException|HoldUntil)$/, say: (m, t) => t('said.ruleAction', { rule: m[1], action: t.term('action', m[2]) }) },
  { pattern: /^The hold time could not be computed\.$/, say: fill('said.holdTimeUnknown') },
  { pattern: /^Manual review$/, say: fill('said.manualReview') },
  // Exception details: SalesOrder.UnmappedDetail, the stock activities, the reviewer setting an order aside.
  { pattern: /^No goods or combo has merchant code ('.+)$/, say: (m, t) => t('said.noGoodsForCode', {
    codes: [...m[1].matchAll(/'(.+?)' \(line (\d+(?:, \d+)*)\)/g)].map(c => t('said.codeOnLines', { code: c[1], lines: c[2].split(', ').join(list(t)) })).join(list(t)),
  }) },
  { pattern: /^缺货 \(out of stock\): other orders reserved the remaining stock before this one could\.$/, say: fill('said.outOfStockTaken') },
  { pattern: /^缺货 \(out of stock\): (line .+ available)$/, say: (m, t) => t('said.outOfStock', {
    lines: [...m[1].matchAll(/line (\d+) (.*?) wants ([\d.]+), ([\d.]+) available/g)]
      .map(l => t('said.shortLine', { line: l[1], code: l[2], wanted: l[3], available: l[4] })).join(t.lang === 'en' ? '; ' : '；'),
  }) },
  { pattern: /^Shop (\d+) has no enabled warehouse: add one to its warehouse strategy\.$/, say: (m, t) => t('said.noWarehouse', { shop: m[1] }) },
  { pattern: /^Set aside by the reviewer(?:: (.*))?$/, say: (m, t) => withNote('said.setAsideByReviewer', m[1], t) },
  // Resolutions: ExceptionHolds, the stock and shipment activities, the resolve and re-map endpoints.
  { pattern: /^Order cancelled\.(?: (.*))?$/, say: (m, t) => withNote('said.orderCancelled', m[1], t) },
  { pattern: /^In stock again\.$/, say: fill('said.inStockAgain') },
  { pattern: /^Resolved: check stock again\.$/, say: fill('said.checkStockAgain') },
  { pattern: /^Resolved: the platform confirmed the shipment\.$/, say: fill('said.shipmentConfirmed') },
  { pattern: /^Resolved\.$/, say: fill('said.resolved') },
  { pattern: /^Re-mapped: (.*) map now\.(?: (.*))?$/, say: (m, t) => withNote('said.remapped', m[2], t, { codes: m[1].split(', ').join(list(t)) }) },
  // Why a re-map left an order waiting (UnmappedContinuation).
  { pattern: /^Set aside by (.+), not by review: resolve entry (\d+) instead\.$/, say: (m, t) => t('said.setAsideByPerson', { by: m[1], entry: m[2] }) },
];

function sayLine(line: string, t: Translate): string | null {
  for (const { pattern, say } of phrasings) {
    const m = pattern.exec(line);
    if (m) return say(m, t);
  }
  // A kind the server wrote as the detail when it had none (ExceptionHolds).
  return t.knows('exceptionKind', line) ? t.term('exceptionKind', line) : null;
}

/** A server-written text in the screen's language, line by line (a block reason holds one reason a line). */
export function sayServerText(text: string, t: Translate): Said {
  const lines = text.split('\n');
  const said = lines.map(line => sayLine(line, t));
  if (said.every(s => s === null)) return { text };
  return { text: lines.map((line, i) => said[i] ?? line).join('\n'), original: text };
}

/** A server-written text as a span, the server's words as its tooltip when it was reworded. */
export function ServerText({ text, className }: { text: string; className?: string }) {
  const t = useT();
  const said = sayServerText(text, t);
  return <span className={className} title={said.original}>{said.text}</span>;
}
