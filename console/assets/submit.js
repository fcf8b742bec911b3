import { idempotencyKey, request } from '/assets/api.js';
import { dropDraft, keepDraft } from '/assets/drafts.js';
import { field, fieldError, h, localInputToUtc, show } from '/assets/dom.js';

const FIELDS = {
  event_time: 'submit-event-time',
  duration_minutes: 'submit-duration',
  topic: 'submit-topic',
  'address.street': 'submit-street',
  'address.city': 'submit-city',
  'address.state': 'submit-state',
  'address.country': 'submit-country',
  requested_by: 'submit-requested-by',
};

function zoneName() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'your time zone';
}

/** The booking request form. The same form content keeps the same Idempotency-Key. */
export function submitView(root, { notify, onSubmitted }) {
  const input = (name, attributes = {}) => h('input', { name, ...attributes });
  const form = h('form', { className: 'card', id: 'submit-form', novalidate: true },
    h('h2', {}, 'Request a talk'),
    h('p', { className: 'alert', role: 'alert', id: 'submit-error', tabindex: -1, hidden: true }),
    h('div', { className: 'grid' },
      field(FIELDS.event_time, 'Date and time', input('event_time', { type: 'datetime-local', required: true }),
        `In ${zoneName()}; sent to the service in UTC.`),
      field(FIELDS.duration_minutes, 'Duration (minutes)',
        input('duration_minutes', { type: 'number', min: 1, max: 1440, step: 1, required: true, value: 60 })),
      field(FIELDS.topic, 'Topic', input('topic', { required: true, maxlength: 200 })),
      field(FIELDS.requested_by, 'Contact e-mail', input('requested_by', { type: 'email', required: true, autocomplete: 'email' })),
      field(FIELDS['address.street'], 'Street', input('street', { required: true, autocomplete: 'street-address' })),
      field(FIELDS['address.city'], 'City', input('city', { required: true, autocomplete: 'address-level2' })),
      field(FIELDS['address.state'], 'State or region (optional)', input('state', { autocomplete: 'address-level1' })),
      field(FIELDS['address.country'], 'Country', input('country', { required: true, autocomplete: 'country-name' }),
        'A name or a code: Germany, DE or DEU.')),
    h('button', { type: 'submit', className: 'primary', id: 'submit-button' }, 'Submit request'));
  keepDraft(form, 'submit');

  let lastBody = null;
  let key = null;
  let sending = false;
  const alert = form.querySelector('#submit-error');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    const values = Object.fromEntries(new FormData(form));
    const body = {
      event_time: localInputToUtc(values.event_time),
      duration_minutes: values.duration_minutes === '' ? null : Number(values.duration_minutes),
      topic: values.topic,
      requested_by: values.requested_by,
      address: {
        street: values.street, city: values.city, state: values.state || null, country: values.country,
      },
    };
    const text = JSON.stringify(body);
    // A retry of the very same request reuses its key; anything edited is a new request.
    if (text !== lastBody) {
      lastBody = text;
      key = idempotencyKey();
    }
    for (const id of Object.values(FIELDS)) fieldError(form, id, null);
    alert.hidden = true;
    sending = true;
    form.querySelector('#submit-button').disabled = true;
    try {
      const booking = await request('/booking', { method: 'POST', json: body, headers: { 'Idempotency-Key': key } });
      dropDraft('submit');
      notify(`Request #${booking.id} “${booking.topic}” was submitted and is ${booking.status}.`);
      await onSubmitted(booking);
    } catch (error) {
      let placed = 0;
      const unplaced = [];
      for (const { field: name, message } of error.fieldErrors ?? []) {
        const id = FIELDS[name];
        if (id && fieldError(form, id, message)) placed += 1;
        else unplaced.push(message);
      }
      alert.textContent = placed && !unplaced.length ? error.message : [error.message, ...unplaced].join(' ');
      alert.hidden = false;
      const firstInvalid = form.querySelector('[aria-invalid="true"]');
      (firstInvalid ?? alert).focus?.();
    } finally {
      sending = false;
      form.querySelector('#submit-button').disabled = false;
    }
  });
  show(root, form);
}
