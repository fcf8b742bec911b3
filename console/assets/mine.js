import { request } from '/assets/api.js';
import { field, h, localInputToUtc, place, show, statusBadge, time, utcToLocalInput } from '/assets/dom.js';

const PAGE = 20;

/** The signed-in user's bookings, soonest first, paged with next_cursor. */
export function mineView(root, { notify, heading = 'My bookings' }) {
  const list = h('ol', { className: 'bookings', id: 'my-bookings' });
  const more = h('button', { type: 'button', id: 'my-more', hidden: true }, 'Show more');
  const alert = h('p', { className: 'alert', role: 'alert', hidden: true });
  const empty = h('p', { className: 'muted', hidden: true }, 'No bookings yet.');
  let cursor = null;

  async function load() {
    more.disabled = true;
    try {
      const query = new URLSearchParams({ order: 'event_time', limit: PAGE });
      if (cursor) query.set('cursor', cursor);
      const page = await request(`/booking?${query}`);
      for (const booking of page.bookings) list.append(item(booking));
      cursor = page.next_cursor;
      more.hidden = !cursor;
      empty.hidden = list.children.length > 0;
    } catch (error) {
      alert.textContent = error.message;
      alert.hidden = false;
    } finally {
      more.disabled = false;
    }
  }

  function item(booking) {
    const row = h('li', { className: 'booking', 'data-id': booking.id });
    render(row, booking);
    return row;
  }

  function render(row, booking) {
    const problem = h('p', { className: 'alert', role: 'alert', hidden: true });
    const actions = h('div', { className: 'actions' });
    if (booking.status === 'pending') {
      actions.append(
        h('button', { type: 'button', onclick: () => reschedule(row, booking) }, 'Reschedule'),
        h('button', { type: 'button', className: 'danger', onclick: () => cancel(row, booking, problem) }, 'Cancel request'));
    }
    show(row,
      h('div', { className: 'booking-head' },
        h('h3', {}, `#${booking.id} ${booking.topic || '(no topic)'}`), statusBadge(booking.status)),
      h('dl', { className: 'facts' },
        h('dt', {}, 'When'), h('dd', {}, time(booking.event_time), ` · ${booking.duration_minutes} min`),
        h('dt', {}, 'Where'), h('dd', {}, place(booking.address)),
        h('dt', {}, 'Decided'), h('dd', { className: 'decided' }, booking.decided_by
          ? [`${booking.status} by ${booking.decided_by} on `, time(booking.decided_at)]
          : 'Not yet')),
      problem, actions);
  }

  async function cancel(row, booking, problem) {
    try {
      const cancelled = await request(`/booking/${booking.id}/cancel`, { method: 'POST' });
      render(row, cancelled);
      notify(`Request #${booking.id} was cancelled.`);
    } catch (error) {
      problem.textContent = error.message;
      problem.hidden = false;
    }
  }

  function reschedule(row, booking) {
    const eventTime = h('input', { name: 'event_time', type: 'datetime-local', value: utcToLocalInput(booking.event_time) });
    const duration = h('input', { name: 'duration_minutes', type: 'number', min: 1, max: 1440, value: booking.duration_minutes });
    const problem = h('p', { className: 'alert', role: 'alert', hidden: true });
    const form = h('form', { className: 'inline-form', novalidate: true },
      field(`reschedule-${booking.id}-time`, 'New date and time', eventTime),
      field(`reschedule-${booking.id}-duration`, 'Duration (minutes)', duration),
      problem,
      h('div', { className: 'actions' },
        h('button', { type: 'submit', className: 'primary' }, 'Save'),
        h('button', { type: 'button', onclick: () => render(row, booking) }, 'Keep as it is')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const changed = await request(`/booking/${booking.id}`, {
          method: 'PATCH',
          json: { event_time: localInputToUtc(eventTime.value), duration_minutes: Number(duration.value) },
        });
        render(row, changed);
        notify(`Request #${booking.id} was rescheduled.`);
      } catch (error) {
        problem.textContent = [error.message, ...(error.fieldErrors ?? []).map((e) => e.message)].join(' ');
        problem.hidden = false;
      }
    });
    row.append(form);
    eventTime.focus();
  }

  more.addEventListener('click', load);
  show(root, h('section', { className: 'card' },
    h('h2', {}, heading), alert, empty, list, more));
  return load();
}
