import type { MessageKey, Translate } from '../i18n';

// A server problem said in the screen's language. The server writes its problems in English; each carries a title, one
// fixed phrase per kind of refusal (Already handled, Edit conflict), and a few a code beside it where the title holds
// a variable (Not waiting for review: code NotWaiting). The catalogue words them by that code or title
// (problem.NotWaiting, problem.Already handled); the server's own words go in the tooltip. A problem the catalogue does
// not know is said by the fields it names (a validation problem) or by its status.

/** What a problem holds, whether a whole response (RFC 7807) or one item of a batch. */
export interface ProblemLike {
  title?: unknown;
  detail?: unknown;
  errors?: unknown;
  code?: unknown;
  field?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The fields a validation problem names ({ field: [messages] }), or the one field of a batch item's 400. */
function fields(problem: ProblemLike): [string, string[]][] {
  const errors = problem.errors;
  if (errors && typeof errors === 'object' && !Array.isArray(errors)) {
    return Object.entries(errors as Record<string, unknown>).map(([field, messages]) =>
      [field, Array.isArray(messages) ? messages.map(String) : [String(messages)]]);
  }
  return text(problem.field) ? [[text(problem.field), [text(problem.detail)]]] : [];
}

const statuses = [400, 401, 403, 404, 409] as const;

/** The problem in the screen's language: by its code or title, else by the fields it names, else by its status. */
export function sayProblem(problem: ProblemLike, status: number, t: Translate): string {
  const named = fields(problem).map(([field]) => {
    const key = `problem.field.${field}`;
    return t.has(key) ? t(key) : field;
  });
  // The fields a problem names, for a text that says them (problem.invalid, problem.Already exists).
  const said = t.lang === 'en' ? named.join(', ') : named.map(n => `「${n}」`).join('');
  const key = [text(problem.code), text(problem.title)].filter(Boolean).map(code => `problem.${code}`).find((k): k is MessageKey => t.has(k));
  if (key) return t(key, { fields: said });
  if (named.length > 0) return t('problem.invalid', { fields: said });
  const known = statuses.find(s => s === status);
  return known ? t(`error.status.${known}`) : t('error.status.other', { status });
}

/** The server's own words for the tooltip: its detail (else its title) and what it says of each field or each problem it lists. */
export function problemOriginal(problem: ProblemLike): string {
  const lines = [text(problem.detail) || text(problem.title)];
  if (Array.isArray(problem.errors)) lines.push(...problem.errors.map(e => text((e as { message?: unknown } | null)?.message)));
  else if (problem.errors) lines.push(...fields(problem).flatMap(([field, messages]) => messages.map(m => `${field}: ${m}`)));
  return lines.filter(Boolean).join('\n');
}
