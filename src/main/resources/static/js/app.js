// Sends the CSRF token with every state-changing HTMX request (the token is rendered into a meta tag).
document.addEventListener('htmx:configRequest', function (event) {
  var verb = (event.detail.verb || 'get').toLowerCase();
  if (verb === 'get' || verb === 'head') {
    return;
  }
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && token.content) {
    event.detail.headers[header.content] = token.content;
  }
});

// The advisor's GPU: a preset and a custom memory exclude each other. Picking a preset empties the custom
// field; typing a custom memory selects "Custom memory" (value ""), so the form never sends both.
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target.matches('select[name="gpu"]') && target.value !== '') {
    var memory = target.form && target.form.querySelector('input[name="memoryGiB"]');
    if (memory) {
      memory.value = '';
    }
  }
}, true);
document.addEventListener('input', function (event) {
  var target = event.target;
  if (target.matches('input[name="memoryGiB"]') && target.value !== '') {
    var gpu = target.form && target.form.querySelector('select[name="gpu"]');
    if (gpu) {
      gpu.value = '';
    }
  }
});

// After an upload is accepted: empty the file field (a second click must not send the same files again) and
// bring the documents section, where its progress shows, into view.
document.addEventListener('htmx:afterRequest', function (event) {
  var form = event.detail.elt;
  if (!form || form.id !== 'document-form' || !event.detail.successful) {
    return;
  }
  var files = form.querySelector('input[type="file"]');
  if (files) {
    files.value = '';
  }
  var section = document.getElementById('documents');
  if (section && section.scrollIntoView) {
    section.scrollIntoView({ block: 'start' });
  }
});

// A saved view's short link: Copy puts it on the clipboard (or selects it where the clipboard is not allowed,
// as on a plain-HTTP intranet host) and says so.
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('button[data-copy]');
  if (!button) {
    return;
  }
  var text = button.getAttribute('data-copy');
  var field = button.parentNode.querySelector('input.share-url');
  var target = document.getElementById(button.getAttribute('data-copy-target') || '');
  function done(message) {
    button.textContent = message;
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(function () { done('Copied'); }, function () { done('Copy failed'); });
  } else if (field) {
    field.focus();
    field.select();
    done(document.execCommand && document.execCommand('copy') ? 'Copied' : 'Selected: press Ctrl+C');
  } else if (target) {
    // a command in a <pre>: select its text so Ctrl+C copies it exactly
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    done(document.execCommand && document.execCommand('copy') ? 'Copied' : 'Selected: press Ctrl+C');
  }
});

// A value the form itself refuses (a context over the longest any model reads, say) stops htmx before any
// request; say so next to the field and mark the results below as no longer matching the form, instead of
// leaving them looking current. The next answer that is swapped in clears both.
function clearRefusals(form) {
  form.querySelectorAll('.field-error').forEach(function (e) { e.remove(); });
  form.querySelectorAll('[aria-invalid="true"]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
  document.querySelectorAll('.stale').forEach(function (e) {
    e.classList.remove('stale');
    var banner = e.querySelector(':scope > .stale-banner');
    if (banner) {
      banner.remove();
    }
  });
}
document.addEventListener('htmx:validation:halted', function (event) {
  var form = event.detail.elt;
  if (!form || form.id !== 'selection-form') {
    return;
  }
  clearRefusals(form);
  (event.detail.errors || []).forEach(function (error) {
    var field = error.elt;
    field.setAttribute('aria-invalid', 'true');
    var message = document.createElement('span');
    message.className = 'field-error';
    message.setAttribute('role', 'alert');
    message.textContent = error.message;
    (field.closest('label') || field).appendChild(message);
  });
  var target = document.querySelector(form.getAttribute('hx-target'));
  if (target) {
    target.classList.add('stale');
    var banner = document.createElement('p');
    banner.className = 'stale-banner';
    banner.setAttribute('role', 'status');
    banner.textContent = 'Out of date: these results are for the previous inputs. Correct the field marked in the form.';
    target.insertBefore(banner, target.firstChild);
  }
});
document.addEventListener('htmx:afterSwap', function (event) {
  var form = document.getElementById('selection-form');
  if (form && event.detail.target && event.detail.target.id !== 'documents') {
    clearRefusals(form);
  }
});

// A token count may be typed "32k" (1k = 1,024 tokens, as the model cards write contexts). The browser checks it
// the way the server does, so a count out of range or not a count is refused in place before any request.
document.addEventListener('input', function (event) {
  var field = event.target;
  if (!field.matches || !field.matches('input[data-tokens]')) {
    return;
  }
  var plain = field.value.replace(/[\s,_]/g, '');
  var match = /^(\d{1,12})([kK]?)$/.exec(plain);
  var max = Number(field.getAttribute('data-max'));
  if (plain === '') {
    field.setCustomValidity('');
  } else if (!match) {
    field.setCustomValidity('Enter a number of tokens, like 32768 or 32k.');
  } else {
    var tokens = Number(match[1]) * (match[2] ? 1024 : 1);
    field.setCustomValidity(tokens < 1 || tokens > max
        ? 'Enter between 1 and ' + max.toLocaleString('en') + ' tokens (' + tokens.toLocaleString('en') + ' typed).'
        : '');
  }
});
