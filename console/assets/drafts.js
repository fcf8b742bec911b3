// What a person is typing survives a lost session: every form's fields are kept in
// sessionStorage (this tab only) until it is sent successfully or the user signs out.
// Passwords are never kept.

const PREFIX = 'booking.draft.';

function read(name) {
  try {
    return JSON.parse(sessionStorage.getItem(PREFIX + name) ?? '{}');
  } catch {
    return {};
  }
}

/** Restores `form`'s saved fields and keeps saving them as they change. */
export function keepDraft(form, name) {
  const saved = read(name);
  for (const control of form.elements) {
    if (control.name && control.type !== 'password' && saved[control.name] !== undefined) {
      control.value = saved[control.name];
    }
  }
  form.addEventListener('input', () => {
    const values = {};
    for (const control of form.elements) {
      if (control.name && control.type !== 'password') values[control.name] = control.value;
    }
    try {
      sessionStorage.setItem(PREFIX + name, JSON.stringify(values));
    } catch {
      // No storage: the draft lives as long as the page.
    }
  });
}

export function dropDraft(name) {
  try {
    sessionStorage.removeItem(PREFIX + name);
  } catch {
    // Nothing stored.
  }
}

export function dropAllDrafts() {
  try {
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
    }
  } catch {
    // Nothing stored.
  }
}
