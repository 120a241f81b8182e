import { useState } from 'react';
import { ExceptionsPage } from './exceptions/ExceptionsPage';
import { InboxPage } from './review/InboxPage';
import { JourneyPage } from './orders/JourneyPage';
import { OrdersPage } from './orders/OrdersPage';
import { RulesPage } from './rules/RulesPage';
import { navigate, usePath } from './shell/router';
import { signIn, signOut, useSession, type Role, type Session } from './shell/role';
import { WorkflowEditor } from './workflows/WorkflowEditor';
import { WorkflowList } from './workflows/WorkflowList';

interface NavItem {
  path: string;
  label: string;
  /** The term the floor uses, shown beside the label. */
  zh?: string;
  roles: Role[];
}

// Ops leads shape the process (workflows, rules); reviewers work blocked orders. Both follow orders' journeys and can
// work the exception queue.
const nav: NavItem[] = [
  { path: '/workflows', label: 'Workflows', roles: ['ops'] },
  { path: '/rules', label: 'Rules', roles: ['ops'] },
  { path: '/inbox', label: 'Review inbox', roles: ['reviewer'] },
  { path: '/exceptions', label: 'Exceptions', zh: '异常', roles: ['reviewer', 'ops'] },
  { path: '/orders', label: 'Orders', roles: ['ops', 'reviewer'] },
];

export const homeOf = (role: Role) => (role === 'ops' ? '/workflows' : '/inbox');

export function App() {
  const session = useSession();
  const fullPath = usePath();
  const [path, query] = fullPath.split('?');
  const params = new URLSearchParams(query ?? '');

  if (!session) return <SignIn />;

  const allowed = nav.filter(n => n.roles.includes(session.role));
  const section = allowed.find(n => path === n.path || path.startsWith(`${n.path}/`));
  let page: React.ReactNode;
  if (!section) {
    page = <Redirect to={homeOf(session.role)} />;
  } else if (section.path === '/workflows') {
    const id = path.slice('/workflows/'.length);
    page = id
      ? <WorkflowEditor key={id} definitionId={decodeURIComponent(id)} isNew={params.get('new') === '1'} initialName={params.get('name') ?? undefined} />
      : <WorkflowList />;
  } else if (section.path === '/rules') {
    page = <RulesPage />;
  } else if (section.path === '/inbox') {
    page = <InboxPage reviewer={session.name} />;
  } else if (section.path === '/exceptions') {
    page = <ExceptionsPage user={session.name} />;
  } else {
    const id = Number(path.slice('/orders/'.length));
    page = id ? <JourneyPage key={id} orderId={id} user={session.name} /> : <OrdersPage />;
  }

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Orchestrator</span>
        <nav>
          {allowed.map(n => (
            <a key={n.path} href={n.path} className={section?.path === n.path ? 'active' : ''}
              onClick={e => { e.preventDefault(); navigate(n.path); }}>{n.label}{n.zh && <span className="nav-zh" lang="zh"> {n.zh}</span>}</a>
          ))}
        </nav>
        <span className="spacer" />
        <span className="who" data-testid="who">{session.name} · {session.role === 'ops' ? 'Ops lead' : 'Reviewer'}</span>
        <button type="button" className="link light" onClick={() => { if (navigate('/', {})) signOut(); }}>Switch role</button>
      </header>
      <main>{page}</main>
    </div>
  );
}

function Redirect({ to }: { to: string }) {
  queueMicrotask(() => navigate(to, { force: true }));
  return null;
}

/** Placeholder sign-in until the security issue: a name and a role, kept in this browser. */
function SignIn() {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('ops');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const session: Session = { role, name: name.trim() || (role === 'ops' ? '运营主管' : '客服') };
    signIn(session);
    navigate(homeOf(role), { force: true });
  };
  return (
    <div className="signin">
      <form onSubmit={submit} className="signin-card">
        <h1>Orchestrator</h1>
        <p className="muted">Sign in (placeholder: no password until the security work lands).</p>
        <label className="field">
          <span>Your name</span>
          <input aria-label="Your name" value={name} onChange={e => setName(e.target.value)} placeholder="客服小李" autoFocus />
        </label>
        <fieldset className="roles">
          <legend>Role</legend>
          <label><input type="radio" name="role" checked={role === 'ops'} onChange={() => setRole('ops')} /> Ops lead — workflows, rules, orders, exceptions</label>
          <label><input type="radio" name="role" checked={role === 'reviewer'} onChange={() => setRole('reviewer')} /> Reviewer — review inbox, exceptions, orders</label>
        </fieldset>
        <button type="submit" className="primary">Sign in</button>
      </form>
    </div>
  );
}
