import type { ActivityDescriptor } from '../api';

/** A connection leaving the selected activity: its edge id (unique on the canvas), the port it leaves and where it goes. */
export interface OutgoingConnection {
  id: string;
  port: string;
  target: string;
}

export interface ActivityChoice {
  id: string;
  label: string;
}

interface Props {
  descriptor?: ActivityDescriptor;
  outgoing: OutgoingConnection[];
  targets: ActivityChoice[];
  readOnly?: boolean;
  onRemove: (connectionId: string) => void;
  onRetarget: (connectionId: string, target: string) => void;
}

/**
 * Each outcome port of the activity and where it goes, with remove and re-target per connection: the way to change one
 * connection exactly, even where edges overlap on the canvas. Flags what the server refuses to publish as it is drawn.
 */
export function OutcomePorts({ descriptor, outgoing, targets, readOnly, onRemove, onRetarget }: Props) {
  const outcomes = descriptor?.outcomes ?? [];
  // A connection from a port the type lacks is listed too, so it can be removed here.
  const ports = [...outcomes, ...new Set(outgoing.map(c => c.port).filter(p => !outcomes.includes(p)))];
  if (ports.length === 0) return <p className="muted small">No outcome ports: this activity ends the workflow.</p>;
  const labelOf = (id: string) => targets.find(t => t.id === id)?.label ?? id;
  return (
    <section className="outcome-ports" aria-label="Outcome ports">
      <h4>Outcomes</h4>
      <ul>
        {ports.map(port => {
          const leaving = outgoing.filter(c => c.port === port);
          const problem = leaving.length > 1 && !descriptor?.fansOut
            ? `Connected ${leaving.length} times: only a Fork may lead one outcome to several activities. Remove all but one.`
            : leaving.length === 0 && descriptor?.suspendsOnBookmark
              ? 'Not connected: an order leaving the wait this way would have no next step.'
              : !outcomes.includes(port) ? `This activity has no outcome '${port}'.` : null;
          return (
            <li key={port} className={problem ? 'outcome outcome-problem' : 'outcome'} data-testid={`outcome-${port}`}>
              <strong className="outcome-port">{port}</strong>
              {leaving.length === 0 && <span className="muted small"> not connected</span>}
              {leaving.map(c => (
                <div key={c.id} className="outcome-connection" data-testid={`connection-${c.id}`}>
                  <span aria-hidden="true">→</span>
                  <select aria-label={`Target of ${port} → ${c.target}`} value={c.target} disabled={readOnly}
                    onChange={e => onRetarget(c.id, e.target.value)}>
                    {!targets.some(t => t.id === c.target) && <option value={c.target}>{c.target} (missing)</option>}
                    {targets.map(t => <option key={t.id} value={t.id}>{t.label}</option>)}
                  </select>
                  {!readOnly && (
                    <button type="button" className="link danger-link" aria-label={`Remove ${port} → ${labelOf(c.target)}`}
                      title={`Remove the connection ${port} → ${labelOf(c.target)}`} onClick={() => onRemove(c.id)}>Remove</button>
                  )}
                </div>
              ))}
              {problem && <small className="outcome-hint">{problem}</small>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
