import { request } from '/assets/api.js';
import { keepDraft, dropDraft } from '/assets/drafts.js';
import { field, fieldError, h, show } from '/assets/dom.js';

/** Accounts: list, create, disable or enable, reset a password. Users are never deleted. */
export function usersView(root, { notify, self }) {
  const table = h('tbody');
  const alert = h('p', { className: 'alert', role: 'alert', hidden: true });

  const username = h('input', { name: 'username', required: true, autocomplete: 'off' });
  const password = h('input', { name: 'password', type: 'password', required: true, autocomplete: 'new-password', minlength: 8 });
  const role = h('select', { name: 'role' }, h('option', { value: 'requester' }, 'requester'), h('option', { value: 'admin' }, 'admin'));
  const createError = h('p', { className: 'alert', role: 'alert', hidden: true });
  const create = h('form', { className: 'inline-form', id: 'user-create', novalidate: true },
    h('h3', {}, 'New account'),
    field('user-username', 'Username', username),
    field('user-password', 'Initial password', password, '8 to 128 characters.'),
    field('user-role', 'Role', role),
    createError,
    h('button', { type: 'submit', className: 'primary' }, 'Create account'));
  keepDraft(create, 'user-create');

  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const id of ['user-username', 'user-password', 'user-role']) fieldError(create, id, null);
    createError.hidden = true;
    try {
      const user = await request('/users', {
        method: 'POST', json: { username: username.value, password: password.value, role: role.value },
      });
      dropDraft('user-create');
      create.reset();
      notify(`Account ${user.username} (${user.role}) was created.`);
      await load();
    } catch (error) {
      const unplaced = [];
      for (const { field: name, message } of error.fieldErrors ?? []) {
        if (!fieldError(create, `user-${name}`, message)) unplaced.push(message);
      }
      createError.textContent = [error.message, ...unplaced].join(' ');
      createError.hidden = false;
    }
  });

  async function load() {
    try {
      const { users } = await request('/users');
      show(table, users.map(row));
    } catch (error) {
      alert.textContent = error.message;
      alert.hidden = false;
    }
  }

  function row(user) {
    const problem = h('p', { className: 'alert', role: 'alert', hidden: true });
    const reset = h('form', { className: 'reset', novalidate: true, hidden: true });
    const newPassword = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', minlength: 8 });
    reset.append(field(`reset-${user.username}`, `New password for ${user.username}`, newPassword),
      h('button', { type: 'submit', className: 'primary' }, 'Set password'));
    reset.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await request(`/users/${encodeURIComponent(user.username)}`, { method: 'PATCH', json: { password: newPassword.value } });
        reset.hidden = true;
        newPassword.value = '';
        problem.hidden = true;
        notify(`The password of ${user.username} was reset; their older sessions no longer work.`);
      } catch (error) {
        problem.textContent = [error.message, ...(error.fieldErrors ?? []).map((e) => e.message)].join(' ');
        problem.hidden = false;
      }
    });
    const toggle = async () => {
      try {
        const changed = await request(`/users/${encodeURIComponent(user.username)}`, {
          method: 'PATCH', json: { disabled: !user.disabled },
        });
        notify(`${changed.username} is now ${changed.disabled ? 'disabled' : 'enabled'}.`);
        await load();
      } catch (error) {
        problem.textContent = error.message;
        problem.hidden = false;
      }
    };
    const isSelf = user.username === self;
    return h('tr', { 'data-username': user.username },
      h('th', { scope: 'row' }, user.username),
      h('td', {}, user.role),
      h('td', {}, user.disabled ? 'disabled' : 'active'),
      h('td', { className: 'actions' },
        h('button', { type: 'button', onclick: toggle, disabled: isSelf, title: isSelf ? 'You cannot disable yourself here' : null },
          user.disabled ? 'Enable' : 'Disable'),
        h('button', { type: 'button', onclick: () => { reset.hidden = !reset.hidden; if (!reset.hidden) newPassword.focus(); } },
          'Reset password'),
        reset, problem));
  }

  show(root, h('section', { className: 'card' },
    h('h2', {}, 'Users'), alert,
    h('div', { className: 'table-wrap' }, h('table', { className: 'users' },
      h('caption', { className: 'visually-hidden' }, 'Accounts'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Username'), h('th', { scope: 'col' }, 'Role'),
        h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, 'Actions'))),
      table)),
    create));
  return load();
}
