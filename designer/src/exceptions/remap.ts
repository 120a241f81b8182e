// 重新匹配: which re-map to ask for from the exception queue, and how to word what it did.
import type { ExceptionEntry, RemapItem, RemapRequest, RemapResult } from '../api';
import type { Translate } from '../i18n';
import type { Notice } from '../shell/Banner';
import { problemText } from '../shell/format';
import { sayServerText } from '../shell/serverText';

// The server lists the codes an open UnmappedSku entry waits on (waitingOnCodes). An entry without them (read from an
// older server) still names them in its detail, the text the server wrote when it set the order aside, one of
//   review (BuiltInReviewPolicy.UnmappedSkuReason): "含未匹配商品 (unmapped merchant code): A, B" (more reasons on later lines)
//   intake (SalesOrder.UnmappedDetail):            "No goods or combo has merchant code 'A' (line 1), 'B' (line 2, 3)"
const reviewReason = /含未匹配商品 \(unmapped merchant code\):[ \t]*(.*)$/m;
const intakeCode = /'(.+?)' \(line \d+(?:, \d+)*\)/g;
// A line without a code is named after its line number; remap cannot be scoped by it.
const lineWithoutCode = /^line \d+$/;

/** The merchant codes an UnmappedSku entry's detail says the order waits on, each once; [] when it names none. */
export function waitingCodes(detail: string | null | undefined): string[] {
  if (!detail) return [];
  const review = reviewReason.exec(detail);
  const codes = review
    ? review[1].split(', ')
    : [...detail.matchAll(intakeCode)].map(m => m[1]);
  return [...new Set(codes.map(c => c.trim()).filter(c => c && !lineWithoutCode.test(c)))];
}

/** Whether the entry offers "Re-map and continue": an open UnmappedSku entry. */
export function canRemap(entry: ExceptionEntry): boolean {
  return !entry.resolvedAt && entry.kind === 'UnmappedSku';
}

/**
 * The codes the entry's order waits on: the server's list of those nothing maps yet when it has any, else (all of them
 * map now, or an older server) the codes its detail names, which still find the order.
 */
export function codesOf(entry: ExceptionEntry): string[] {
  const listed = (entry.waitingOnCodes ?? []).filter(c => c.trim());
  return listed.length > 0 ? listed : waitingCodes(entry.detail);
}

/**
 * The re-map for one entry: by the first code it waits on (the order continues only when all its codes map, so one is
 * enough to include it), or by its shop when it waits on no code (a line that came without one).
 */
export function remapRequestFor(entry: ExceptionEntry): RemapRequest {
  const [code] = codesOf(entry);
  return code ? { merchantCode: code } : { shopId: entry.shopId };
}

/** "Re-map all waiting": every waiting order, or the filtered shop's. */
export function remapAllRequest(shopId: number | undefined): RemapRequest {
  return shopId ? { shopId } : {};
}

/** Whether the answer looked at the entry's order at all (a code misread from the detail matches no order). */
export function mentions(result: RemapResult, entryId: number): boolean {
  return [...result.continued, ...result.stillWaiting].some(i => i.entryId === entryId);
}

/** Two answers as one: an order that continued in either did; otherwise the later answer says what it waits on. */
export function mergeResults(first: RemapResult, second: RemapResult): RemapResult {
  const continued = [...first.continued, ...second.continued.filter(i => !first.continued.some(c => c.entryId === i.entryId))];
  const done = (i: RemapItem) => continued.some(c => c.entryId === i.entryId);
  const stillWaiting = [...second.stillWaiting, ...first.stillWaiting.filter(i => !second.stillWaiting.some(s => s.entryId === i.entryId))]
    .filter(i => !done(i));
  return { continued, stillWaiting };
}

const listed = 5;

/** The list separator of the language: 、 between names in Chinese, ; in English. */
const separator = (t: Translate) => (t.lang === 'en' ? '; ' : '；');

function orders(items: RemapItem[], name: (item: RemapItem) => string, t: Translate): string {
  const names = items.slice(0, listed).map(name).join(separator(t));
  return items.length > listed ? t('remap.more', { names, count: items.length - listed }) : names;
}

/** Why an order still waits: the codes nothing maps yet, or (none left) the server's reason. */
function waitsOn(item: RemapItem, t: Translate): string {
  if (item.stillUnmapped.length > 0) {
    const codes = item.stillUnmapped.map(c => (c ? `'${c}'` : t('remap.lineWithoutCode'))).join(t.lang === 'en' ? ', ' : '、');
    return t('remap.waitsOn', { codes });
  }
  const reason = item.reason ? sayServerText(item.reason, t).text : '';
  return reason ? (t.lang === 'en' ? `(${reason.replace(/\.$/, '')})` : `（${reason.replace(/[.。]$/, '')}）`) : '';
}

/**
 * What a re-map did, in the banner: how many orders continued and which still wait on which codes. `names` turns an
 * order id into its platform order id where the page knows it. Not an error unless orders waited and none continued.
 */
export function remapNotice(result: RemapResult, t: Translate, names: ReadonlyMap<number, string> = new Map()): Notice {
  const name = (item: RemapItem) => names.get(item.orderId) ?? t('remap.order', { id: item.orderId });
  const { continued, stillWaiting } = result;
  if (continued.length === 0 && stillWaiting.length === 0) {
    return { kind: 'ok', text: t('remap.nothing') };
  }
  const parts: string[] = [];
  if (continued.length > 0) parts.push(t('remap.continued', { count: continued.length, orders: orders(continued, name, t) }));
  else parts.push(t('remap.noneContinued'));
  if (stillWaiting.length > 0) {
    // Chinese brackets carry their own spacing: TB-7（原因）, but TB-7 等待 'A'.
    const waiting = orders(stillWaiting, i => {
      const why = waitsOn(i, t);
      return why.startsWith('（') ? `${name(i)}${why}` : `${name(i)} ${why}`.trim();
    }, t);
    parts.push(t('remap.stillWaiting', { count: stillWaiting.length, orders: waiting }));
  }
  return { kind: continued.length === 0 ? 'error' : 'ok', text: t('remap.done', { parts: parts.join(t.lang === 'en' ? ' ' : '') }) };
}

/** What a failed re-map tells the person: the server's problem with its field messages. */
export function remapError(e: unknown, t: Translate): string {
  return t('remap.failed', { problem: problemText(e, t) });
}
/**
 * Re-maps one entry's order: by its code first, then, when that answer did not look at the order (the code was misread
 * from the detail), by its shop as well.
 */
export async function remapEntry(entry: ExceptionEntry, send: (body: RemapRequest) => Promise<RemapResult>): Promise<RemapResult> {
  const body = remapRequestFor(entry);
  const result = await send(body);
  if (body.shopId !== undefined || mentions(result, entry.id)) return result;
  return mergeResults(result, await send({ shopId: entry.shopId }));
}
