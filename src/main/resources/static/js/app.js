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
