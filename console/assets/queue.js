import { request } from '/assets/api.js';
import { clock, h, place, show, statusBadge, time } from '/assets/dom.js';

const PAGE = 25;

/**
 * Pending requests, soonest first. Each is checked against the accepted bookings it would
 * overlap (GET /booking/{id}/overlaps), so a conflict is visible before anyone clicks Accept.
 */
export function queueView(root, { notify }) {
  const list = h('ol', { className: 'bookings', id: 'queue' });
  const more = h('button', { type: 'button', id: 'queue-more', hidden: true }, 'Show more');
  const alert = h('p', { className: 'alert', role: 'alert', hidden: true });
  const empty = h('p', { className: 'muted', id: 'queue-empty', hidden: true }, 'Nothing is waiting for a decision.');
  let cursor = null;

  async function load() {
    more.disabled = true;
    try {
      const query = new URLSearchParams({ status: 'pending', order: 'event_time', limit: PAGE });
      if (cursor) query.set('cursor', cursor);
      const page = await request(`/booking?${query}`);
      const rows = page.bookings.map((booking) => {
        const row = h('li', { className: 'booking', 'data-id': booking.id });
        list.append(row);
        return [row, booking];
      });
      await Promise.all(rows.map(([row, booking]) => render(row, booking)));
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

  async function render(row, booking) {
    let overlaps = [];
    let overlapProblem = null;
    try {
      overlaps = (await request(`/booking/${booking.id}/overlaps`)).bookings;
    } catch (error) {
      overlapProblem = `Overlaps could not be checked: ${error.message}`;
    }
    const problem = h('p', { className: 'alert', role: 'alert', hidden: true });
    row.classList.toggle('flagged', overlaps.length > 0);
    show(row,
      h('div', { className: 'booking-head' },
        h('h3', {}, `#${booking.id} ${booking.topic || '(no topic)'}`), statusBadge(booking.status)),
      overlaps.length ? h('p', { className: 'flag' },
        h('strong', {}, 'Overlaps accepted '), overlaps.map((other, i) => [i ? ', ' : '',
          `#${other.id} “${other.topic}” (`, time(other.event_time), `–${clock(end(other))})`])) : null,
      overlapProblem ? h('p', { className: 'muted' }, overlapProblem) : null,
      h('dl', { className: 'facts' },
        h('dt', {}, 'When'), h('dd', {}, time(booking.event_time), ` · ${booking.duration_minutes} min`),
        h('dt', {}, 'Where'), h('dd', {}, place(booking.address)),
        h('dt', {}, 'Requested by'), h('dd', {}, booking.requested_by,
          booking.submitted_by ? ` (account ${booking.submitted_by})` : '')),
      problem,
      h('div', { className: 'actions' },
        h('button', { type: 'button', className: 'primary', onclick: () => decide(row, booking, 'accept', problem) }, 'Accept'),
        h('button', { type: 'button', className: 'danger', onclick: () => decide(row, booking, 'reject', problem) }, 'Reject')));
  }

  async function decide(row, booking, decision, problem) {
    for (const button of row.querySelectorAll('button')) button.disabled = true;
    try {
      const decided = await request(`/booking/${booking.id}/${decision}`, { method: 'POST' });
      row.remove();
      // Another pending request may now overlap the one just accepted.
      if (decision === 'accept') {
        await Promise.all([...list.children].map((other) => refresh(other)));
      }
      empty.hidden = list.children.length > 0;
      notify(`Request #${decided.id} “${decided.topic}” was ${decided.status}.`);
    } catch (error) {
      problem.textContent = error.status === 409 ? `Cannot ${decision}: ${error.message}` : error.message;
      problem.hidden = false;
      for (const button of row.querySelectorAll('button')) button.disabled = false;
    }
  }

  async function refresh(row) {
    try {
      const booking = await request(`/booking/${row.dataset.id}`);
      if (booking.status === 'pending') await render(row, booking);
      else row.remove();
    } catch {
      row.remove();
    }
  }

  more.addEventListener('click', load);
  show(root, h('section', { className: 'card' },
    h('h2', {}, 'Pending requests'), alert, empty, list, more));
  return load();
}

function end(booking) {
  return booking.event_time
    ? new Date(new Date(booking.event_time).getTime() + booking.duration_minutes * 60000).toISOString() : null;
}
