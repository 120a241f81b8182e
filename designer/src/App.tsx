import { useEffect, useState } from 'react';
import type { Me } from './api';
import { ApiKeysPage } from './admin/ApiKeysPage';
import { UsersPage } from './admin/UsersPage';
import { ExceptionsPage } from './exceptions/ExceptionsPage';
import { InboxPage } from './review/InboxPage';
import { JourneyPage } from './orders/JourneyPage';
import { OrdersPage } from './orders/OrdersPage';
import { PrintView, printIds } from './orders/PrintView';
import { RulesPage } from './rules/RulesPage';
import { LanguageSwitch, useT, type MessageKey } from './i18n';
import { problemHint, problemText } from './shell/format';
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
  label: MessageKey;
  ability: Ability;
}

// Ops leads shape the process (workflows, rules); reviewers work blocked orders and exceptions for their shops; everyone
// signed in follows orders' journeys; admins also manage people and the shops' API keys.
const sections: Section[] = [
  { path: '/workflows', label: 'nav.workflows', ability: 'workflows' },
  { path: '/rules', label: 'nav.rules', ability: 'rules' },
  { path: '/inbox', label: 'nav.inbox', ability: 'review' },
  { path: '/exceptions', label: 'nav.exceptions', ability: 'exceptions' },
  { path: '/orders', label: 'nav.orders', ability: 'orders' },
  { path: '/users', label: 'nav.users', ability: 'users' },
  { path: '/api-keys', label: 'nav.apiKeys', ability: 'apiKeys' },
];

const homeOf = (me: Me) => (can(me, 'workflows') ? '/workflows' : can(me, 'review') ? '/inbox' : '/orders');

export function App() {
  const session = useSession();
  const t = useT();
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    loadSession().catch(e => setLoadError(e ?? 'error'));
  }, []);

  switch (session.status) {
    case 'loading':
      return (
        <div className="signin">
          {loadError ? <div className="error-box" role="alert" title={problemHint(loadError)}>{t('shell.unreachable', { error: problemText(loadError, t) })}</div>
            : <p className="muted">{t('shell.loading')}</p>}
        </div>
      );
    case 'setup':
      return <SetupScreen />;
    case 'signedOut':
      return <SignInScreen lastUser={session.lastUser} />;
    case 'expired':
      if (!session.keepPage) return <SignInScreen notice={t('shell.sessionEnded')} lastUser={session.me.userName} />;
      return <><Shell me={session.me} /><SignInDialog userName={session.me.userName} /></>;
    default:
      return <Shell me={session.me} />;
  }
}

function Shell({ me }: { me: Me }) {
  const t = useT();
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
    page = <NotAllowed what={t(section.label)} />;
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
  } else if (path === '/orders/print') {
    page = <PrintView ids={printIds(params.get('ids'))} />;
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
        <nav aria-label={t('shell.screens')}>
          {allowed.map(n => (
            <a key={n.path} href={n.path} className={section?.path === n.path ? 'active' : ''}
              onClick={e => { e.preventDefault(); navigate(n.path); }}>{t(n.label)}</a>
          ))}
        </nav>
        <span className="spacer" />
        <span className="who" data-testid="who">{me.userName} · {me.roles.map(r => roleLabel(r, t)).join(t.lang === 'en' ? ', ' : '、')}</span>
        <LanguageSwitch />
        <button type="button" className="link light" onClick={() => setChangingPassword(true)}>{t('shell.changePassword')}</button>
        <button type="button" className="link light" onClick={() => void leave()}>{t('shell.signOut')}</button>
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
  const t = useT();
  return (
    <div className="page">
      <div className="banner banner-error" role="alert" data-testid="not-allowed">
        {t('shell.notAllowed', { what })}
      </div>
    </div>
  );
}
