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
  function done(message) {
    button.textContent = message;
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(function () { done('Copied'); }, function () { done('Copy failed'); });
  } else if (field) {
    field.focus();
    field.select();
    done(document.execCommand && document.execCommand('copy') ? 'Copied' : 'Selected: press Ctrl+C');
  }
});
