// The console's shell: who is signed in, the navigation, and which screen shows. Screens are
// chosen by the URL's fragment (#/queue), so the service only ever serves "/".
import { request } from '/assets/api.js';
import { hasSession, onSessionExpired, signOut } from '/assets/auth.js';
import { dropAllDrafts } from '/assets/drafts.js';
import { h, show } from '/assets/dom.js';
import { mineView } from '/assets/mine.js';
import { queueView } from '/assets/queue.js';
import { signInView } from '/assets/signin.js';
import { submitView } from '/assets/submit.js';
import { usersView } from '/assets/users.js';
import { weekView } from '/assets/week.js';

const view = document.getElementById('view');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const notice = document.getElementById('notice');

let me = null;

const SCREENS = {
  queue: { title: 'Queue', admin: true, render: (ctx) => queueView(view, ctx) },
  week: { title: 'Week', admin: true, render: (ctx) => weekView(view, { day: ctx.param }) },
  users: { title: 'Users', admin: true, render: (ctx) => usersView(view, ctx) },
  submit: { title: 'New request', render: (ctx) => submitView(view, ctx) },
  mine: { title: 'My bookings', render: (ctx) => mineView(view, { ...ctx, heading: me.role === 'admin' ? 'All bookings' : 'My bookings' }) },
};

function notify(message) {
  notice.textContent = message;
  notice.hidden = !message;
}

function home() {
  return me?.role === 'admin' ? 'queue' : 'submit';
}

/** `#/week/2031-06-02` → ['week', '2031-06-02']; an unknown or forbidden screen → the home screen. */
function screenFromHash() {
  const [name, param] = location.hash.replace(/^#\/?/, '').split('/');
  const screen = SCREENS[name];
  if (!screen || (screen.admin && me?.role !== 'admin')) return [home(), null];
  return [name, param ?? null];
}

function renderNav(current) {
  const links = Object.entries(SCREENS)
    .filter(([, screen]) => !screen.admin || me.role === 'admin')
    .map(([name, screen]) => h('a', {
      href: `#/${name}`, 'aria-current': name === current ? 'page' : null, onclick: () => notify(''),
    }, screen.title));
  show(nav, links);
  nav.hidden = false;
  show(who, h('span', {}, `${me.username} (${me.role})`),
    h('button', { type: 'button', id: 'sign-out', onclick: endSession }, 'Sign out'));
  who.hidden = false;
}

/** Sign-out: nothing of this user stays, and the next one starts on their own home screen. */
function endSession() {
  signOut();
  dropAllDrafts();
  me = null;
  notify('');
  history.replaceState(null, '', location.pathname);
  showSignIn();
}

async function route() {
  if (!me) return;
  const [name, param] = screenFromHash();
  const screen = SCREENS[name];
  document.title = `${screen.title} · Bookings console`;
  renderNav(name);
  await screen.render({
    notify,
    param,
    self: me.username,
    onSubmitted: () => { location.hash = '#/mine'; },
  });
  view.focus({ preventScroll: true });
}

function showSignIn(message) {
  nav.hidden = true;
  who.hidden = true;
  document.title = 'Sign in · Bookings console';
  signInView(view, { message, onSignedIn: start });
}

async function start() {
  try {
    me = await request('/users/me');
  } catch (error) {
    if (error.status !== 401) showSignIn(error.message);
    return;
  }
  notify('');
  await route();
}

onSessionExpired((message) => {
  me = null;
  showSignIn(message);
});

window.addEventListener('hashchange', () => route());

if (hasSession()) start();
else showSignIn();
