export interface Notice {
  kind: 'ok' | 'error';
  text: string;
  /** The server's own words behind the text (problemHint), as the tooltip. */
  hint?: string;
}

/** The outcome of the last action: a status for success, an alert for failure (screen readers announce both). */
export function Banner({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return <div className={`banner banner-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} title={notice.hint}>{notice.text}</div>;
}
