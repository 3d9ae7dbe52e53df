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
