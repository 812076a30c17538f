// The accessibility mirror's DOM (src/platform/web/a11y_mirror.h says what and why): a visually
// hidden tree of real elements beside the canvas, one per item of the page's item tree, with ARIA
// roles, names and states in reading order. update() is called only when the tree changed; it
// diffs by the items' stable ids, so an element that did not change is not touched (a focused one
// keeps its focus). Fields a password manager fills are real <input>s inside a <form>, visible and
// placed over the drawn fields.
'use strict';
(function () {
  let Module = null;
  let root = null;
  let polite = null;
  let assertive = null;
  let appName = '';
  const leaves = new Map();      // item id -> { el, role }
  const containers = new Map();  // container key -> element
  let announced = new Set();     // message ids already announced

  function call(name, ...args) {
    const fn = Module && Module['_' + name];
    if (fn) fn(...args);
  }
  function callText(name, id, text) {
    const fn = Module && Module['_' + name];
    if (!fn) return;
    const bytes = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(bytes);
    Module.stringToUTF8(text, ptr, bytes);
    fn(id, ptr);
    Module._free(ptr);
  }

  function region(id, politeness) {
    const el = document.createElement('div');
    el.id = id;
    el.className = 'a11y-hidden';
    el.setAttribute('aria-live', politeness);
    el.setAttribute('aria-atomic', 'true');
    document.body.appendChild(el);
    return el;
  }

  function install(module) {
    Module = module;
    appName = document.title;
    root = document.createElement('main');
    root.id = 'a11y-tree';
    const canvas = document.getElementById('canvas');
    canvas.after(root);
    root.addEventListener('keydown', arrowKeys);
    polite = region('a11y-status', 'polite');
    assertive = region('a11y-alert', 'assertive');
  }

  // Arrow keys inside a tab list or a radio group move to the next (or previous) choice and
  // choose it, Home and End to the first and last, as in any web page's tabs and radios.
  function arrowKeys(event) {
    const el = event.target;
    const role = el.getAttribute && el.getAttribute('role');
    if (role !== 'tab' && role !== 'radio') return;
    const group = el.parentElement && el.parentElement.closest(role === 'tab' ? '[role="tablist"]' : '[role="radiogroup"]');
    if (!group) return;
    const members = [...group.querySelectorAll(`[role="${role}"]`)]
      .filter((m) => m === el || m.getAttribute('aria-disabled') !== 'true');
    const at = members.indexOf(el);
    const last = members.length - 1;
    const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: last }[event.key];
    if (to === undefined || members.length < 2) return;
    event.preventDefault();
    const next = members[(to + members.length) % members.length];
    if (next === el) return;
    next.focus({ preventScroll: true });
    call('portal_a11y_activate', Number(next.id.slice(5)));
  }

  function set(el, name, value) {
    if (value === null || value === undefined || value === false) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== String(value)) {
      el.setAttribute(name, String(value));
    }
  }

  // The element an item is shown as, and whether it is one the keyboard reaches.
  function kindOf(item) {
    switch (item.a11y) {
      case 'button': case 'selectable': case 'combo':
        return 'button';
      case 'checkbox': case 'radio': case 'tab':
        return item.a11y;
      case 'link':
        return 'link';
      case 'input':
        return item.autofill ? 'field' : 'textbox';
      default:
        return item.a11y;  // text, heading, listitem, status, alert, columnheader
    }
  }

  function create(item, kind) {
    let el;
    if (kind === 'button' || kind === 'checkbox' || kind === 'radio' || kind === 'tab') {
      el = document.createElement('button');
      el.type = 'button';
      if (kind !== 'button') el.setAttribute('role', kind);
    } else if (kind === 'link') {
      el = document.createElement('a');
      el.href = '#';
    } else if (kind === 'field') {
      el = document.createElement('input');
      el.className = 'a11y-field';
      el.addEventListener('input', () => callText('portal_a11y_field_text', item.id, el.value));
      // Escape in a real field stays there, as in any form: it must not take the screen's way
      // back (ui/way_back.h) from under a half-typed password.
      el.addEventListener('keydown', (event) => { if (event.key === 'Escape') event.stopPropagation(); });
    } else if (kind === 'textbox') {
      el = document.createElement('div');
      el.setAttribute('role', 'textbox');
      el.tabIndex = 0;
    } else {
      el = document.createElement('div');
      if (kind === 'heading') el.setAttribute('role', 'heading');
      if (kind === 'listitem') el.setAttribute('role', 'listitem');
    }
    if (kind !== 'field') el.className = 'a11y-hidden';
    el.id = 'a11y-' + item.id;
    const id = item.id;
    if (el.tabIndex >= 0 || kind === 'field') {
      el.addEventListener('focus', () => call('portal_a11y_focus', id));
    }
    if (kind !== 'field' && kind !== 'textbox' && el.tabIndex >= 0) {
      el.addEventListener('click', (event) => {
        event.preventDefault();
        call('portal_a11y_activate', id);
      });
    }
    if (kind === 'textbox') el.addEventListener('click', () => call('portal_a11y_activate', id));
    return el;
  }

  // Name, state and (for a real field) place and text.
  function refresh(el, kind, item, canvasRect) {
    const name = item.label;
    if (kind === 'field' || kind === 'textbox') {
      set(el, 'aria-label', name);
    } else if (el.textContent !== name) {
      el.textContent = name;
    }
    set(el, 'aria-disabled', item.enabled ? null : 'true');
    if (kind === 'checkbox' || kind === 'radio') set(el, 'aria-checked', item.checked ? 'true' : 'false');
    if (kind === 'tab') set(el, 'aria-selected', item.checked ? 'true' : 'false');
    if (item.a11y === 'combo') {
      set(el, 'aria-haspopup', 'listbox');
      set(el, 'aria-expanded', item.expanded ? 'true' : 'false');
    }
    if (kind === 'heading') set(el, 'aria-level', item.level || 2);
    if (kind === 'textbox') set(el, 'aria-multiline', item.multiline ? 'true' : null);
    if (kind === 'field' || kind === 'textbox') {
      set(el, 'aria-invalid', item.invalid ? 'true' : null);
      const error = item.invalid && item.describedBy ? 'a11y-' + item.describedBy : null;
      set(el, 'aria-describedby', error);
      set(el, 'aria-errormessage', error);
    }
    if (kind === 'field') {
      const password = item.autofill === 'current-password';
      if (el.type !== (password ? 'password' : 'email')) el.type = password ? 'password' : 'email';
      set(el, 'name', password ? 'password' : 'username');
      set(el, 'autocomplete', item.autofill);
      if (document.activeElement !== el && el.value !== item.value) el.value = item.value;
      const s = el.style;
      const hidden = item.w < 1 || item.h < 1;
      el.classList.toggle('a11y-hidden', hidden);
      if (!hidden) {
        s.left = (item.x + canvasRect.left) + 'px';
        s.top = (item.y + canvasRect.top) + 'px';
        s.width = item.w + 'px';
        s.height = item.h + 'px';
      }
    }
  }

  function container(key, make) {
    let el = containers.get(key);
    if (!el) {
      el = make();
      containers.set(key, el);
    }
    return el;
  }
  function div(role) {
    return () => {
      const el = document.createElement('div');
      if (role) el.setAttribute('role', role);
      return el;
    };
  }
  function form() {
    const el = document.createElement('form');
    el.setAttribute('novalidate', '');
    el.addEventListener('submit', (event) => {
      event.preventDefault();
      // Enter in a field: the form's submit button was clicked (and activated) by the browser;
      // without one, the field itself says Enter.
      if (event.submitter) return;
      const field = document.activeElement;
      if (field && field.id.startsWith('a11y-')) call('portal_a11y_field_submit', Number(field.id.slice(5)));
    });
    return el;
  }

  // Puts `children` in `parent`, in order, moving only what is out of place: what left goes
  // first, so the elements that stay are not moved (a moved element loses the keyboard's focus).
  function arrange(parent, children) {
    const keep = new Set(children);
    for (const child of [...parent.childNodes]) if (!keep.has(child)) parent.removeChild(child);
    for (let i = 0; i < children.length; i += 1) {
      if (parent.childNodes[i] !== children[i]) parent.insertBefore(children[i], parent.childNodes[i] || null);
    }
  }

  // `json`: the item tree, as portal.items() gives it.
  function update(json) {
    if (!root) return;
    const items = JSON.parse(json);
    const canvasRect = document.getElementById('canvas').getBoundingClientRect();
    const wanted = new Map([[root, []]]);
    const place = (parent, child) => {
      if (!wanted.has(parent)) wanted.set(parent, []);
      const list = wanted.get(parent);
      if (list[list.length - 1] !== child) list.push(child);
    };
    // The password manager's form: from the first filled field to the first button after the
    // last one (its submit button).
    const fields = items.map((item, i) => (item.autofill ? i : -1)).filter((i) => i >= 0);
    let formStart = -1;
    let formEnd = -1;
    let submit = -1;
    if (fields.length) {
      formStart = fields[0];
      formEnd = fields[fields.length - 1];
      for (let i = formEnd + 1; i < items.length; i += 1) {
        if (kindOf(items[i]) === 'button') { submit = i; formEnd = i; break; }
      }
      if (formStart > 0 && items[formStart - 1].a11y === 'text') formStart -= 1;  // its label
    }
    // A radio group: from a radio to the last radio after it with only text between them (each
    // way to choose may have a line under it saying what it means).
    const inRadioGroup = new Array(items.length).fill(false);
    for (let i = 0; i < items.length; i += 1) {
      if (items[i].a11y !== 'radio') continue;
      let j = i + 1;
      while (j < items.length && items[j].a11y === 'text') j += 1;
      if (j < items.length && items[j].a11y === 'radio') inRadioGroup.fill(true, i, j);
      inRadioGroup[i] = true;
    }
    const seen = new Set();
    const usedContainers = new Set();
    let listKey = null;
    let tabsKey = null;
    let radiosKey = null;
    let title = '';
    const messages = [];
    items.forEach((item, i) => {
      const kind = kindOf(item);
      if (!title && kind === 'heading' && item.level === 1) title = item.label;
      if (seen.has(item.id)) return;
      seen.add(item.id);
      let parent = root;
      const enter = (key, make) => {
        const el = container(key, make);
        usedContainers.add(key);
        place(parent, el);
        parent = el;
      };
      if (i >= formStart && i <= formEnd && formStart >= 0) enter('form', form);
      if (item.table) {
        enter('table-' + item.table, div('table'));
        enter('row-' + item.table + '-' + item.row, div('row'));
        const header = item.a11y === 'columnheader';
        enter('cell-' + item.table + '-' + item.row + '-' + item.column + (header ? 'h' : ''),
          div(header ? 'columnheader' : 'cell'));
      }
      if (kind === 'listitem') {
        if (!listKey) listKey = 'list-' + item.id;
        enter(listKey, div('list'));
      } else {
        listKey = null;
      }
      if (kind === 'tab') {
        if (!tabsKey) tabsKey = 'tabs-' + item.id;
        enter(tabsKey, div('tablist'));
      } else {
        tabsKey = null;
      }
      if (inRadioGroup[i]) {
        if (!radiosKey) radiosKey = 'radios-' + item.id;
        enter(radiosKey, div('radiogroup'));
      } else {
        radiosKey = null;
      }
      let leaf = leaves.get(item.id);
      if (!leaf || leaf.kind !== kind) {
        leaf = { el: create(item, kind), kind };
        leaves.set(item.id, leaf);
      }
      refresh(leaf.el, kind, item, canvasRect);
      if (kind === 'button') leaf.el.type = i === submit ? 'submit' : 'button';
      place(parent, leaf.el);
      if ((kind === 'status' || kind === 'alert') && !announced.has(item.id)) messages.push(item);
    });
    for (const [parent, children] of wanted) arrange(parent, children);
    for (const [parent] of containers.entries()) {
      if (!usedContainers.has(parent)) containers.delete(parent);
    }
    for (const id of [...leaves.keys()]) if (!seen.has(id)) leaves.delete(id);

    // Messages that appeared are read out once (an error at once, a notice when the reader is
    // free); ones that stay are not repeated.
    const now = new Set(items.filter((i) => i.a11y === 'status' || i.a11y === 'alert').map((i) => i.id));
    const say = (el, list) => { if (list.length) el.textContent = list.map((m) => m.label).join(' '); };
    say(assertive, messages.filter((m) => m.a11y === 'alert'));
    say(polite, messages.filter((m) => m.a11y === 'status'));
    announced = now;

    const name = items.length ? items[0].label : '';
    if (name) appName = name;
    const wantedTitle = title && title !== appName ? title + ' · ' + appName : appName;
    if (document.title !== wantedTitle) document.title = wantedTitle;
  }

  function focusable() {
    return root ? [...root.querySelectorAll('button, a[href], input, [tabindex="0"]')] : [];
  }

  window.portalA11y = {
    install,
    update,
    // Whether the keyboard's focus is on one of the mirror's elements.
    hasFocus() {
      const el = document.activeElement;
      return !!(root && el && root.contains(el));
    },
    // Tab from the canvas: the element after (or before) the widget with ImGui's focus.
    tab(fromId, backwards) {
      const list = focusable();
      if (!list.length) return;
      const at = list.findIndex((el) => el.id === 'a11y-' + fromId);
      let next;
      if (at < 0) next = backwards ? list.length - 1 : 0;
      else next = (at + (backwards ? -1 : 1) + list.length) % list.length;
      list[next].focus({ preventScroll: true });
    },
    // ImGui started editing a field a real field stands for: the real one takes the keyboard.
    focusField(id) {
      const el = document.getElementById('a11y-' + id);
      if (el && document.activeElement !== el) el.focus({ preventScroll: true });
    },
  };
})();
