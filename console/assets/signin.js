import { request } from '/assets/api.js';
import { signIn } from '/assets/auth.js';
import { field, h, show } from '/assets/dom.js';

/** The sign-in screen; `message` explains why it is shown (an expired session, say). */
export function signInView(root, { message, onSignedIn }) {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const alert = h('p', { className: 'alert', role: 'alert', id: 'signin-error', hidden: !message }, message ?? '');
  const button = h('button', { type: 'submit', className: 'primary' }, 'Sign in');
  const form = h('form', { className: 'card narrow', id: 'signin', novalidate: true },
    h('h2', {}, 'Sign in'),
    alert,
    field('signin-username', 'Username', username),
    field('signin-password', 'Password', password),
    button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!username.value || !password.value) {
      alert.textContent = 'Enter your username and password.';
      alert.hidden = false;
      return;
    }
    button.disabled = true;
    try {
      await signIn(username.value, password.value, request);
      password.value = '';
      await onSignedIn();
    } catch (error) {
      alert.textContent = error.message;
      alert.hidden = false;
      password.focus();
    } finally {
      button.disabled = false;
    }
  });
  show(root, form);
  (username.value ? password : username).focus();
}
