/**
 * An empty list's message with a drawn check mark: an inline SVG, because an emoji renders as a box on machines without
 * an emoji font.
 */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <p className="empty empty-state">
      <svg className="empty-icon" width="28" height="28" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M7.5 12.5l3 3 6-6.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span>{children}</span>
    </p>
  );
}
