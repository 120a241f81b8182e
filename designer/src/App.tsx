import { useEffect, useState } from 'react';
import type { Me } from './api';
import { ApiKeysPage } from './admin/ApiKeysPage';
import { UsersPage } from './admin/UsersPage';
import { ExceptionsPage } from './exceptions/ExceptionsPage';
import { InboxPage } from './review/InboxPage';
import { JourneyPage } from './orders/JourneyPage';
import { OrdersPage } from './orders/OrdersPage';
import { RulesPage } from './rules/RulesPage';
import { errorText } from './shell/format';
import { can, roleLabel, type Ability } from './shell/permissions';
import { navigate, pendingLeaveQuestion, usePath } from './shell/router';
import { loadSession, signOut, useSession } from './shell/session';
import { PasswordDialog } from './shell/PasswordDialog';
import { SetupScreen } from './shell/SetupScreen';
import { SignInDialog, SignInScreen } from './shell/SignInForm';
import { WorkflowEditor } from './workflows/WorkflowEditor';
import { WorkflowList } from './workflows/WorkflowList';

interface Section {
  path: string;
  label: string;
  /** The term the floor uses, shown beside the label. */
  zh?: string;
  ability: Ability;
}

// Ops leads shape the process (workflows, rules); reviewers work blocked orders and exceptions for their shops; everyone
// signed in follows orders' journeys; admins also manage people and the shops' API keys.
const sections: Section[] = [
  { path: '/workflows', label: 'Workflows', ability: 'workflows' },
  { path: '/rules', label: 'Rules', ability: 'rules' },
  { path: '/inbox', label: 'Review inbox', ability: 'review' },
  { path: '/exceptions', label: 'Exceptions', zh: '异常', ability: 'exceptions' },
  { path: '/orders', label: 'Orders', ability: 'orders' },
  { path: '/users', label: 'Users', ability: 'users' },
  { path: '/api-keys', label: 'API keys', ability: 'apiKeys' },
];

const homeOf = (me: Me) => (can(me, 'workflows') ? '/workflows' : can(me, 'review') ? '/inbox' : '/orders');

export function App() {
  const session = useSession();
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    loadSession().catch(e => setLoadError(errorText(e)));
  }, []);

  switch (session.status) {
    case 'loading':
      return (
        <div className="signin">
          {loadError ? <div className="error-box" role="alert">The server could not be reached: {loadError}</div> : <p className="muted">Loading…</p>}
        </div>
      );
    case 'setup':
      return <SetupScreen />;
    case 'signedOut':
      return <SignInScreen lastUser={session.lastUser} />;
    case 'expired':
      if (!session.keepPage) return <SignInScreen notice="Your session has ended: sign in again to carry on." lastUser={session.me.userName} />;
      return <><Shell me={session.me} /><SignInDialog userName={session.me.userName} /></>;
    default:
      return <Shell me={session.me} />;
  }
}

function Shell({ me }: { me: Me }) {
  const [changingPassword, setChangingPassword] = useState(false);
  const fullPath = usePath();
  const [path, query] = fullPath.split('?');
  const params = new URLSearchParams(query ?? '');

  const allowed = sections.filter(s => can(me, s.ability));
  const section = sections.find(s => path === s.path || path.startsWith(`${s.path}/`));
  let page: React.ReactNode;
  if (!section) {
    page = <Redirect to={homeOf(me)} />;
  } else if (!can(me, section.ability)) {
    page = <NotAllowed what={section.label} />;
  } else if (section.path === '/workflows') {
    const id = path.slice('/workflows/'.length);
    page = id
      ? <WorkflowEditor key={id} definitionId={decodeURIComponent(id)} isNew={params.get('new') === '1'} initialName={params.get('name') ?? undefined} />
      : <WorkflowList />;
  } else if (section.path === '/rules') {
    page = <RulesPage />;
  } else if (section.path === '/inbox') {
    page = <InboxPage />;
  } else if (section.path === '/exceptions') {
    page = <ExceptionsPage />;
  } else if (section.path === '/users') {
    page = <UsersPage />;
  } else if (section.path === '/api-keys') {
    page = <ApiKeysPage />;
  } else {
    const id = Number(path.slice('/orders/'.length));
    page = id ? <JourneyPage key={id} orderId={id} /> : <OrdersPage />;
  }

  const leave = async () => {
    const question = pendingLeaveQuestion();
    if (question && !window.confirm(question)) return;
    await signOut();
    navigate('/', { force: true });
  };

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Orchestrator</span>
        <nav aria-label="Screens">
          {allowed.map(n => (
            <a key={n.path} href={n.path} className={section?.path === n.path ? 'active' : ''}
              onClick={e => { e.preventDefault(); navigate(n.path); }}>{n.label}{n.zh && <span className="nav-zh" lang="zh"> {n.zh}</span>}</a>
          ))}
        </nav>
        <span className="spacer" />
        <span className="who" data-testid="who">{me.userName} · {me.roles.map(roleLabel).join(', ')}</span>
        <button type="button" className="link light" onClick={() => setChangingPassword(true)}>Password</button>
        <button type="button" className="link light" onClick={() => void leave()}>Sign out</button>
      </header>
      {changingPassword && <PasswordDialog onClose={() => setChangingPassword(false)} />}
      <main>{page}</main>
    </div>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => { navigate(to, { force: true }); }, [to]);
  return null;
}

function NotAllowed({ what }: { what: string }) {
  return (
    <div className="page">
      <div className="banner banner-error" role="alert" data-testid="not-allowed">
        {what} is not allowed for your role. Ask an administrator if you need it.
      </div>
    </div>
  );
}
