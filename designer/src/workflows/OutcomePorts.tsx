import type { ActivityDescriptor } from '../api';
import { Term, useT } from '../i18n';

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
  const t = useT();
  const outcomes = descriptor?.outcomes ?? [];
  // A connection from a port the type lacks is listed too, so it can be removed here.
  const ports = [...outcomes, ...new Set(outgoing.map(c => c.port).filter(p => !outcomes.includes(p)))];
  if (ports.length === 0) return <p className="muted small">{t('wf.ports.none')}</p>;
  const labelOf = (id: string) => targets.find(t => t.id === id)?.label ?? id;
  return (
    <section className="outcome-ports" aria-label={t('wf.ports.label')}>
      <h4>{t('wf.ports.title')}</h4>
      <ul>
        {ports.map(port => {
          const leaving = outgoing.filter(c => c.port === port);
          const portName = t.term('outcome', port);
          const problem = leaving.length > 1 && !descriptor?.fansOut
            ? t('wf.ports.twice', { count: leaving.length, fork: t.term('activity', 'Fork') })
            : leaving.length === 0 && descriptor?.suspendsOnBookmark
              ? t('wf.ports.waitUnconnected')
              : !outcomes.includes(port) ? t('wf.ports.unknown', { port }) : null;
          return (
            <li key={port} className={problem ? 'outcome outcome-problem' : 'outcome'} data-testid={`outcome-${port}`}>
              <strong className="outcome-port"><Term group="outcome" code={port} /></strong>
              {leaving.length === 0 && <span className="muted small"> {t('wf.ports.notConnected')}</span>}
              {leaving.map(c => (
                <div key={c.id} className="outcome-connection" data-testid={`connection-${c.id}`}>
                  <span aria-hidden="true">→</span>
                  <select aria-label={t('wf.ports.target', { port: portName, target: c.target })} value={c.target} disabled={readOnly}
                    data-testid={`target-${c.id}`} onChange={e => onRetarget(c.id, e.target.value)}>
                    {!targets.some(a => a.id === c.target) && <option value={c.target}>{t('wf.ports.missing', { target: c.target })}</option>}
                    {targets.map(a => <option key={a.id} value={a.id}>{a.label}</option>)}
                  </select>
                  {!readOnly && (
                    <button type="button" className="link danger-link" aria-label={t('wf.ports.removeLabel', { port: portName, target: labelOf(c.target) })}
                      title={t('wf.ports.removeTitle', { port: portName, target: labelOf(c.target) })} data-testid={`remove-${c.id}`}
                      onClick={() => onRemove(c.id)}>{t('wf.ports.remove')}</button>
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
