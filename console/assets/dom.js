// Small DOM helpers. Text always goes in as text nodes (never innerHTML), so nothing an API
// answer contains can become markup.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'className') {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what `element` shows. */
export function show(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
});
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** An RFC 3339 time from the API in the browser's time zone, or a dash when there is none. */
export function when(iso) {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function clock(iso) {
  return iso ? timeOnly.format(new Date(iso)) : '—';
}

/** `<time>` element: machine-readable UTC, human-readable local. */
export function time(iso) {
  return iso ? h('time', { datetime: iso }, when(iso)) : '—';
}

/** The value of an `<input type="datetime-local">` (the browser's zone) as UTC, RFC 3339. */
export function localInputToUtc(value) {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString().replace('.000Z', 'Z');
}

/** An API time as the value of an `<input type="datetime-local">` in the browser's zone. */
export function utcToLocalInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function place(address) {
  if (!address) return '—';
  return [address.street, address.city, address.state, address.country].filter(Boolean).join(', ');
}

export function statusBadge(status) {
  return h('span', { className: `badge badge-${status}` }, status);
}

/** A labelled field: `<label>`, the control, a hint and a slot for the server's error. */
export function field(id, label, control, hint) {
  control.id = id;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h('div', { className: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { className: 'hint', id: hintId }, hint) : null,
    h('p', { className: 'field-error', id: errorId, hidden: true }));
}

/** Shows `message` under the field with id `id` (or clears it when null). */
export function fieldError(form, id, message) {
  const control = form.querySelector(`#${CSS.escape(id)}`);
  const slot = form.querySelector(`#${CSS.escape(id)}-error`);
  if (!control || !slot) return false;
  slot.textContent = message ?? '';
  slot.hidden = !message;
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  return true;
}
