// The browser script of the demo Connect page: pick a bank, send credentials, answer MFA, report like Pluggy Connect.
// As a zoid child of `pluggy-connect-widget` it calls xprops.onSuccessProp/onErrorProp/onEventProp/close, which is
// what react-pluggy-connect expects; opened on its own it posts the same callbacks to its parent window.
// Kept as a string (no template placeholders inside) so it ships with any bundling of the sandbox.
export const CONNECT_SCRIPT = String.raw`(function () {
  'use strict';
  var TAG = 'pluggy-connect-widget';
  var xprops = null;
  try {
    if (window.zoid) {
      window.zoid.create({ tag: TAG, url: location.origin + location.pathname });
      xprops = window.xprops || null;
    }
  } catch (e) {
    xprops = null;
  }
  var query = new URLSearchParams(location.search);
  var props = xprops || {};
  var token = props.connectToken || query.get('connectToken') || '';
  var updateItem = props.updateItem || query.get('updateItem') || null;
  var includeSandbox = props.includeSandbox !== undefined ? !!props.includeSandbox : query.get('includeSandbox') !== 'false';
  var connectorIds = Array.isArray(props.connectorIds) ? props.connectorIds : null;
  var root = document.getElementById('root');
  var closed = false;
  var loginReported = false;
  var current = null;
  var typed = null;

  function send(name, payload) {
    if (xprops) {
      var fn = xprops[name + 'Prop'];
      if (typeof fn === 'function') fn(payload);
      return;
    }
    if (window.parent && window.parent !== window) {
      window.parent.postMessage({ source: 'cofre-sandbox-connect', callback: name, payload: payload }, '*');
    }
  }
  function event(name, extra) {
    var payload = { event: name, timestamp: Date.now() };
    if (extra) for (var k in extra) payload[k] = extra[k];
    send('onEvent', payload);
  }
  function close() {
    if (closed) return;
    closed = true;
    if (xprops && typeof xprops.close === 'function') xprops.close();
    else send('onClose', undefined);
  }
  document.getElementById('close').addEventListener('click', close);

  function api(method, path, body) {
    return fetch(path, {
      method: method,
      headers: body === undefined ? { 'X-API-KEY': token } : { 'X-API-KEY': token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (json) {
        if (!r.ok) throw new Error((json && json.message) || ('HTTP ' + r.status));
        return json;
      });
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'onclick') node.addEventListener('click', attrs[k]);
      else node.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }
  function show(nodes) {
    root.textContent = '';
    nodes.forEach(function (n) { root.appendChild(n); });
  }
  function busy(text) {
    show([el('div', { class: 'status' }, [el('div', { class: 'spinner' }), el('div', { text: text })])]);
  }
  function failed(message, item) {
    send('onError', item ? { message: message, data: { item: item } } : { message: message });
    show([
      el('div', { class: 'status error', role: 'alert', text: message }),
      el('button', { class: 'primary', type: 'button', text: 'Tentar novamente', onclick: start })
    ]);
  }

  function form(fields, submitText, onSubmit) {
    var inputs = {};
    var children = [];
    fields.forEach(function (f) {
      var id = 'f-' + f.name;
      children.push(el('label', { for: id, text: f.label }));
      var input;
      if (f.type === 'select' && Array.isArray(f.options)) {
        input = el('select', { id: id, name: f.name }, f.options.map(function (o) { return el('option', { value: o.value, text: o.label }); }));
      } else {
        input = el('input', { id: id, name: f.name, type: f.type === 'password' ? 'password' : 'text', autocomplete: 'off' });
        if (f.placeholder) input.setAttribute('placeholder', f.placeholder);
        if (f.type === 'number') input.setAttribute('inputmode', 'numeric');
      }
      inputs[f.name] = { input: input, field: f };
      children.push(input);
      if (f.assistiveText || f.instructions) children.push(el('div', { class: 'hint', text: f.assistiveText || f.instructions }));
    });
    var error = el('div', { class: 'hint error', role: 'alert' });
    var button = el('button', { class: 'primary', type: 'submit', text: submitText });
    children.push(error, button);
    var node = el('form', { novalidate: 'novalidate' }, children);
    node.addEventListener('submit', function (e) {
      e.preventDefault();
      var values = {};
      for (var name in inputs) {
        var f = inputs[name].field;
        var v = inputs[name].input.value;
        if (!v && !f.optional) { error.textContent = f.label + ' é obrigatório'; return; }
        if (v && f.validation && !new RegExp(f.validation).test(v)) { error.textContent = f.validationMessage || (f.label + ' inválido'); return; }
        if (v) values[name] = v;
      }
      button.disabled = true;
      onSubmit(values).catch(function (err) {
        button.disabled = false;
        error.textContent = err.message;
      });
    });
    return node;
  }

  function poll(itemId) {
    api('GET', '/items/' + encodeURIComponent(itemId)).then(function (item) {
      if (closed) return;
      event('ITEM_RESPONSE', { item: item });
      var st = item.status;
      var ex = item.executionStatus;
      if (!loginReported && ['ACCOUNTS_IN_PROGRESS', 'CREDITCARDS_IN_PROGRESS', 'TRANSACTIONS_IN_PROGRESS', 'SUCCESS', 'PARTIAL_SUCCESS'].indexOf(ex) >= 0) {
        loginReported = true;
        event('LOGIN_SUCCESS', { item: item });
      }
      if (st === 'UPDATED') {
        send('onSuccess', { item: item });
        show([
          el('div', { class: 'status', text: 'Conta conectada com sucesso.' }),
          el('button', { class: 'primary', type: 'button', text: 'Concluir', onclick: close })
        ]);
        return;
      }
      if (st === 'LOGIN_ERROR' && item.error && item.error.code === 'INVALID_CREDENTIALS' && current) {
        // A wrong password is retyped here, on the same item (update mode): no second link to the same login.
        credentials(current, item.id, 'Usuário ou senha incorretos. Confira e tente de novo.', typed);
        return;
      }
      if (st === 'LOGIN_ERROR' || st === 'OUTDATED') {
        failed((item.error && item.error.message) || 'Não foi possível conectar.', item);
        return;
      }
      if (st === 'WAITING_USER_INPUT' && item.parameter) {
        if (!document.getElementById('f-' + item.parameter.name)) {
          show([
            el('p', { text: item.parameter.instructions || 'Digite o código de segurança enviado pelo banco.' }),
            form([item.parameter], 'Enviar', function (values) {
              event('SUBMITTED_MFA');
              busy('Verificando código…');
              return api('POST', '/items/' + encodeURIComponent(itemId) + '/mfa', values).then(function () {
                event('LOGIN_MFA_SUCCESS', { item: item });
              });
            })
          ]);
        }
      } else if (!root.querySelector('.spinner')) {
        busy('Conectando ao banco…');
      }
      setTimeout(function () { poll(itemId); }, 500);
    }, function (err) {
      failed(err.message);
    });
  }

  function credentials(connector, itemId, problem, previous) {
    current = connector;
    document.getElementById('title').textContent = connector.name;
    var node = form(connector.credentials, 'Conectar', function (values) {
        event('SUBMITTED_LOGIN');
        typed = values;
        busy('Conectando ao banco…');
        var request = itemId
          ? api('PATCH', '/items/' + encodeURIComponent(itemId), { parameters: values })
          : api('POST', '/items', { connectorId: connector.id, parameters: values });
        return request.then(function (item) { poll(item.id); }, function (err) { credentials(connector, itemId, err.message, values); });
    });
    if (problem) node.querySelector('[role=alert]').textContent = problem;
    // What was typed stays, except secrets: the person fixes only what was wrong.
    (connector.credentials || []).forEach(function (f) {
      var input = node.querySelector('#f-' + f.name);
      if (input && previous && previous[f.name] && f.type !== 'password') input.value = previous[f.name];
    });
    show([node]);
    var first = node.querySelector('input[type=password]') || node.querySelector('input');
    if (problem && first) first.focus();
  }

  function start() {
    loginReported = false;
    if (!token) { failed('Connect token ausente.'); return; }
    busy('Carregando…');
    if (updateItem) {
      api('GET', '/items/' + encodeURIComponent(updateItem)).then(function (item) {
        event('SELECTED_INSTITUTION', { connector: item.connector });
        credentials(item.connector, item.id);
      }, function (err) { failed(err.message); });
      return;
    }
    api('GET', '/connectors?sandbox=' + (includeSandbox ? 'true' : 'false')).then(function (page) {
      var list = page.results.filter(function (c) { return !connectorIds || connectorIds.indexOf(c.id) >= 0; });
      show([
        el('p', { text: 'Escolha sua instituição' }),
        el('ul', { class: 'banks' }, list.map(function (c) {
          return el('li', {}, [el('button', { type: 'button', onclick: function () {
            event('SELECTED_INSTITUTION', { connector: c });
            credentials(c, null);
          } }, [el('span', { class: 'dot', style: 'background:#' + (c.primaryColor || '999') }), el('span', { text: c.name })])]);
        }))
      ]);
    }, function (err) { failed(err.message); });
  }

  start();
})();
`;
