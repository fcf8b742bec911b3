import { request } from '/assets/api.js';
import { clock, h, place, show } from '/assets/dom.js';


/** Monday 00:00 (browser's zone) of the week containing `date`. */
function mondayOf(date) {
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const weekday = (start.getDay() + 6) % 7;
  start.setDate(start.getDate() - weekday);
  return start;
}

function addDays(date, days) {
  const next = new Date(date);
  next.setDate(next.getDate() + days);
  return next;
}

const dayName = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'short' });
const range = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A `YYYY-MM-DD` from the URL as local noon of that day, or today. */
function dayFrom(param) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(param ?? '');
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12) : new Date();
}

/** Accepted bookings of one week (`#/week/YYYY-MM-DD`), day by day, in the browser's time zone. */
export function weekView(root, { day } = {}) {
  const monday = mondayOf(dayFrom(day));
  const next = addDays(monday, 7);
  const heading = h('h2', { id: 'week-title' }, `Week of ${range.format(monday)}`);
  const days = h('div', { className: 'week', id: 'week' });
  const alert = h('p', { className: 'alert', role: 'alert', hidden: true });
  const nav = h('div', { className: 'actions' },
    h('a', { className: 'button', href: `#/week/${isoDay(addDays(monday, -7))}` }, '← Previous week'),
    h('a', { className: 'button', href: `#/week/${isoDay(new Date())}` }, 'This week'),
    h('a', { className: 'button', href: `#/week/${isoDay(next)}` }, 'Next week →'));
  show(root, h('section', { className: 'card' }, heading, nav, alert, days));

  const query = new URLSearchParams({
    status: 'accepted', order: 'event_time', from: monday.toISOString(), to: next.toISOString(),
  });
  return request(`/booking?${query}`).then(({ bookings }) => {
    for (let i = 0; i < 7; i += 1) {
      const day = addDays(monday, i);
      const dayEnd = addDays(monday, i + 1);
      const todays = bookings.filter((b) => {
        const t = new Date(b.event_time);
        return t >= day && t < dayEnd;
      });
      days.append(h('section', { className: 'day', 'aria-label': dayName.format(day) },
        h('h3', {}, dayName.format(day)),
        todays.length
          ? h('ul', {}, todays.map((b) => h('li', { className: 'slot' },
            h('strong', {}, `${clock(b.event_time)}–${clock(new Date(new Date(b.event_time).getTime() + b.duration_minutes * 60000).toISOString())}`),
            ` #${b.id} ${b.topic}`, h('br'), h('span', { className: 'muted' }, place(b.address)))))
          : h('p', { className: 'muted' }, 'Free')));
    }
  }).catch((error) => {
    alert.textContent = error.message;
    alert.hidden = false;
  });
}

