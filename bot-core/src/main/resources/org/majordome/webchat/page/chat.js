// The web chat's page: a room list, a nickname, then one room over the bot's WebSocket.
// No framework and no build step. Every string that comes from XMPP (room titles, subjects, nicks, messages,
// reasons) is data: it is put into the page with textContent only, never parsed as markup, and isolated for
// bidirectional text (<bdi> or dir="auto") so that a right-to-left nick cannot reorder the words around it.
// The page's own words come from the bot (texts?lang=..., its bundle): in the visitor's language for the room list,
// in the room's once a room is chosen. They are text too: placeholders are filled with nodes, never with markup.
'use strict';

(function () {
  const ROLES = ['moderator', 'participant', 'visitor'];
  const words = { language: document.documentElement.lang || 'en', texts: {} };

  const state = {
    socket: null,
    rooms: [],
    listed: false,
    roomJid: null,
    roomTitle: '',
    nick: '',
    joined: false,
    joining: false,
    occupants: new Map(),
    bannedFrom: new Set(),
    lastSent: null
  };

  const el = (id) => document.getElementById(id);

  /** The pattern of a text, split at its placeholders: strings, and the numbers of the placeholders between them. */
  function pieces(key) {
    const pattern = Object.prototype.hasOwnProperty.call(words.texts, key) ? String(words.texts[key]) : key;
    return pattern.split(/\{(\d+)\}/).map((piece, index) => (index % 2 === 1 ? Number(piece) : piece));
  }

  /** A text with its placeholders filled by strings. */
  function t(key, ...args) {
    return pieces(key).map((piece) => (typeof piece === 'number' ? String(args[piece] == null ? '' : args[piece])
      : piece)).join('');
  }

  /** A text as nodes: each placeholder filled by a node (an isolated XMPP string) or a string, never markup. */
  function tNodes(key, ...args) {
    return pieces(key).filter((piece) => piece !== '').map((piece) => (typeof piece === 'number'
      ? (args[piece] instanceof Node ? args[piece] : document.createTextNode(String(args[piece] == null ? '' : args[piece])))
      : document.createTextNode(piece)));
  }

  /** The words for a count, by the language's plural rules: key.one, key.other... */
  function counted(key, count) {
    let form = 'other';
    try {
      form = new Intl.PluralRules(words.language).select(count);
    } catch (unknownLanguage) {
      form = count === 1 ? 'one' : 'other';
    }
    const chosen = Object.prototype.hasOwnProperty.call(words.texts, key + '.' + form) ? key + '.' + form : key + '.other';
    return t(chosen, count);
  }

  /** The page's fixed texts (data-text), in the current language; data-slots names the elements a text holds. */
  function applyTexts() {
    document.documentElement.lang = words.language;
    document.querySelectorAll('[data-text]').forEach((element) => {
      const key = element.getAttribute('data-text');
      const slots = (element.getAttribute('data-slots') || '').split(' ').filter((id) => id).map((id) => el(id));
      if (slots.length > 0) {
        element.replaceChildren(...tNodes(key, ...slots));
      } else {
        element.textContent = t(key);
      }
    });
    if (!state.joined) {
      document.title = t('page.title');
    }
  }

  /** Fetches the page's words in a language (the bot's or the visitor's when none is given) and shows them. */
  async function useLanguage(language) {
    if (language && language === words.language && Object.keys(words.texts).length > 0) {
      return;
    }
    try {
      const response = await fetch('texts' + (language ? '?lang=' + encodeURIComponent(language) : ''),
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      const answer = await response.json();
      if (answer && typeof answer.texts === 'object' && answer.texts !== null) {
        words.language = String(answer.language || 'en');
        words.texts = answer.texts;
        applyTexts();
        if (state.listed) {
          renderRooms();
        }
        renderOccupants();
      }
    } catch (failure) {
      // The page keeps the words it has (its English, at worst).
    }
  }

  /** An element whose content is the given text, never markup. */
  function textElement(tag, text, className) {
    const element = document.createElement(tag);
    element.textContent = text == null ? '' : String(text);
    if (className) {
      element.className = className;
    }
    return element;
  }

  /** Text from XMPP, isolated from the words around it. */
  function isolated(text, className) {
    const bdi = textElement('bdi', text, className);
    bdi.dir = 'auto';
    return bdi;
  }

  function setStatus(text) {
    el('connection').textContent = text;
  }

  /** A notice for the visitor (role="alert"): plain words, XMPP strings isolated. */
  function notify(...parts) {
    const notice = el('notice');
    notice.replaceChildren(...parts.map((part) => (typeof part === 'string' ? document.createTextNode(part) : part)));
    notice.hidden = false;
  }

  function clearNotice() {
    el('notice').hidden = true;
    el('notice').replaceChildren();
  }

  function roomTitle(room) {
    if (room.title) {
      return room.title;
    }
    const jid = String(room.jid || '');
    return jid.includes('@') ? jid.slice(0, jid.indexOf('@')) : jid;
  }

  function people(count) {
    return counted('page.people', Number(count) || 0);
  }

  // ---- the lobby: rooms and nickname ---------------------------------------------------------------------------

  async function loadRooms() {
    setStatus(t('page.status.loading'));
    try {
      const response = await fetch('rooms', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      const rooms = await response.json();
      state.rooms = Array.isArray(rooms) ? rooms : [];
      state.listed = true;
      renderRooms();
      setStatus('');
    } catch (failure) {
      state.rooms = [];
      state.listed = true;
      renderRooms();
      setStatus('');
      notify(t('page.rooms.failed'));
    }
  }

  function renderRooms() {
    const list = el('rooms');
    const previous = selectedRoom();
    list.replaceChildren();
    state.rooms.forEach((room, index) => {
      const id = 'room-' + index;
      const item = document.createElement('li');
      item.className = 'room-choice';
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'room';
      input.id = id;
      input.value = String(room.jid);
      const banned = state.bannedFrom.has(String(room.jid));
      input.disabled = banned;
      input.checked = !banned && (previous === input.value || (previous == null && state.rooms.length === 1));
      const label = document.createElement('label');
      label.htmlFor = id;
      label.append(isolated(roomTitle(room), 'room-title'), ' ',
          textElement('span', t(banned ? 'page.room.count.banned' : 'page.room.count', people(room.occupants)), 'count'));
      const details = [];
      if (room.description) {
        const description = document.createElement('p');
        description.id = id + '-description';
        description.className = 'description';
        description.append(isolated(room.description));
        details.push(description);
      }
      if (room.subject) {
        const subject = document.createElement('p');
        subject.id = id + '-subject';
        subject.className = 'subject';
        subject.append(textElement('span', t('page.subject.label') + ' ', 'label'), isolated(room.subject));
        details.push(subject);
      }
      if (details.length > 0) {
        input.setAttribute('aria-describedby', details.map((p) => p.id).join(' '));
      }
      item.append(input, label, ...details);
      list.append(item);
    });
    el('rooms-empty').hidden = state.rooms.length > 0;
    el('join').disabled = state.rooms.length === 0;
  }

  function selectedRoom() {
    const checked = document.querySelector('input[name="room"]:checked');
    return checked ? checked.value : null;
  }

  async function onJoin(event) {
    event.preventDefault();
    if (state.joining) {
      return;
    }
    const jid = selectedRoom();
    const nick = el('nick').value.trim();
    if (!jid) {
      notify(t('page.choose-room'));
      const first = document.querySelector('input[name="room"]:not(:disabled)');
      if (first) {
        first.focus();
      }
      return;
    }
    if (!nick) {
      notify(t('page.choose-nick'));
      el('nick').focus();
      return;
    }
    clearNotice();
    const room = state.rooms.find((candidate) => String(candidate.jid) === jid) || { jid: jid };
    state.roomJid = jid;
    state.roomTitle = roomTitle(room);
    state.nick = nick;
    state.joining = true;
    state.joined = false;
    state.occupants.clear();
    el('messages').replaceChildren();
    renderOccupants();
    el('join').disabled = true;
    // The room's language, from here on: its words, and the bot's answers, which the room's language decides too.
    await useLanguage(room.language ? String(room.language) : null);
    setStatus(t('page.status.entering'));
    send({ type: 'join', room: jid, nick: nick });
  }

  // ---- the socket ----------------------------------------------------------------------------------------------

  function socketUrl() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const directory = location.pathname.replace(/[^/]*$/, '');
    return scheme + '//' + location.host + directory + 'socket';
  }

  /** Sends once the socket is open, opening it when needed. */
  function send(message) {
    const text = JSON.stringify(message);
    if (state.socket && state.socket.readyState === WebSocket.OPEN) {
      state.socket.send(text);
      return;
    }
    if (!state.socket || state.socket.readyState > WebSocket.OPEN) {
      openSocket();
    }
    state.socket.addEventListener('open', () => state.socket.send(text), { once: true });
  }

  function openSocket() {
    const socket = new WebSocket(socketUrl());
    state.socket = socket;
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (notJson) {
        return;
      }
      if (message && typeof message.type === 'string') {
        receive(message);
      }
    });
    socket.addEventListener('close', () => {
      if (state.socket !== socket) {
        return;
      }
      state.socket = null;
      if (state.joined || state.joining) {
        showLobby();
        notify(t('page.connection-lost'));
      }
    });
  }

  function receive(message) {
    switch (message.type) {
      case 'presence': onPresence(message); break;
      case 'message': addMessage(message); break;
      case 'subject': onSubject(message); break;
      case 'joined': onJoined(message); break;
      case 'removed': onRemoved(message); break;
      case 'error': onError(message); break;
      case 'left': onLeft(); break;
      default: break;
    }
  }

  // ---- the room ------------------------------------------------------------------------------------------------

  function onJoined(message) {
    state.joining = false;
    state.joined = true;
    if (message.nick) {
      state.nick = String(message.nick);
    }
    if (message.title) {
      state.roomTitle = String(message.title);
    }
    el('room-name').textContent = state.roomTitle;
    el('subject').textContent = message.subject || '';
    el('own-nick').textContent = state.nick;
    document.title = t('page.document-title', state.roomTitle);
    el('lobby').hidden = true;
    el('room').hidden = false;
    el('join').disabled = false;
    setStatus(t('page.status.in-room', state.roomTitle));
    const log = el('messages');
    log.scrollTop = log.scrollHeight;
    el('message').focus();
  }

  function onPresence(message) {
    const nick = String(message.nick == null ? '' : message.nick);
    const before = state.occupants.get(nick);
    if (message.present === false) {
      state.occupants.delete(nick);
      if (state.joined && before) {
        addEvent(tNodes('page.event.left', isolated(nick, 'nick')));
      }
    } else {
      const occupant = { nick: nick, role: String(message.role || 'none'), affiliation: String(message.affiliation || 'none') };
      state.occupants.set(nick, occupant);
      if (state.joined && !before) {
        addEvent(tNodes('page.event.joined', isolated(nick, 'nick')));
      } else if (state.joined && before.role !== occupant.role) {
        addEvent(tNodes('page.event.role', isolated(nick, 'nick'), roleWords(occupant.role) || occupant.role));
      }
    }
    renderOccupants();
  }

  function roleWords(role) {
    return ROLES.includes(role) ? t('page.role.' + role) : '';
  }

  function renderOccupants() {
    const list = el('occupants');
    const recipient = el('recipient');
    const chosen = recipient.value;
    const sorted = [...state.occupants.values()].sort((a, b) => a.nick.localeCompare(b.nick));
    list.replaceChildren(...sorted.map((occupant) => {
      const item = document.createElement('li');
      item.className = 'occupant role-' + occupant.role.replace(/[^a-z]/g, '');
      item.append(isolated(occupant.nick, 'nick'));
      const role = roleWords(occupant.role);
      if (role) {
        item.append(' ', textElement('span', '(' + role + ')', 'role'));
      }
      if (occupant.nick === state.nick) {
        item.append(' ', textElement('span', t('page.you'), 'you'));
      }
      return item;
    }));
    el('occupant-count').textContent = String(sorted.length);
    const options = [textElement('option', t('page.recipient.everyone'))];
    options[0].value = '';
    sorted.filter((occupant) => occupant.nick !== state.nick).forEach((occupant) => {
      const option = textElement('option', t('page.recipient.only', occupant.nick));
      option.value = occupant.nick;
      options.push(option);
    });
    recipient.replaceChildren(...options);
    recipient.value = state.occupants.has(chosen) ? chosen : '';
  }

  function clock(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
      return '';
    }
    const today = new Date();
    const sameDay = date.toDateString() === today.toDateString();
    return sameDay ? date.toLocaleTimeString(words.language, { hour: '2-digit', minute: '2-digit' })
      : date.toLocaleString(words.language, { dateStyle: 'short', timeStyle: 'short' });
  }

  function appendToLog(entry) {
    const log = el('messages');
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    log.append(entry);
    if (atBottom) {
      log.scrollTop = log.scrollHeight;
    }
  }

  function addMessage(message) {
    const entry = document.createElement('p');
    entry.className = 'message' + (message.private ? ' private' : '') + (message.self ? ' self' : '')
      + (message.history ? ' history' : '');
    const time = textElement('time', clock(message.time), 'time');
    if (message.time) {
      time.dateTime = String(message.time);
    }
    entry.append(time, ' ', isolated(message.from, 'nick'));
    if (message.private) {
      const mark = document.createElement('span');
      mark.className = 'private-mark';
      mark.append(...(message.to ? tNodes('page.private.to', isolated(message.to, 'nick')) : tNodes('page.private')));
      entry.append(' ', mark);
    }
    entry.append(': ');
    const body = textElement('span', message.text, 'body');
    body.dir = 'auto';
    entry.append(body);
    appendToLog(entry);
    if (message.self && state.lastSent === message.text) {
      state.lastSent = null;
    }
  }

  function addEvent(parts) {
    const entry = document.createElement('p');
    entry.className = 'event';
    entry.append(...parts);
    appendToLog(entry);
  }

  function onSubject(message) {
    el('subject').textContent = message.subject || '';
    if (state.joined) {
      if (message.by) {
        addEvent(tNodes('page.event.subject-by', isolated(message.by, 'nick'), isolated(message.subject || '')));
      } else {
        addEvent(tNodes('page.event.subject', isolated(message.subject || '')));
      }
    }
  }

  function onRemoved(message) {
    const banned = message.how === 'banned';
    const title = state.roomTitle;
    if (banned && state.roomJid) {
      state.bannedFrom.add(state.roomJid);
    }
    showLobby();
    const what = banned ? 'page.removed.banned' : 'page.removed.kicked';
    const parts = message.by ? tNodes(what + '-by', isolated(title), isolated(message.by)) : tNodes(what, isolated(title));
    if (message.reason) {
      const reason = String(message.reason);
      parts.push(' ', ...tNodes('page.removed.reason', isolated(reason)), /[.!?]$/.test(reason) ? '' : '.');
    } else {
      parts.push(' ', t('page.removed.no-reason'));
    }
    parts.push(' ', t(banned ? 'page.removed.banned-after' : 'page.removed.kicked-after'));
    notify(...parts);
    el('notice').focus();
  }

  function onError(message) {
    const known = ['nick-taken', 'nick-refused', 'banned', 'full', 'rate', 'too-long', 'not-allowed', 'unavailable'];
    const said = message.text ? String(message.text)
      : t(known.includes(message.code) ? 'page.error.' + message.code : 'page.error.other');
    if (state.joining) {
      state.joining = false;
      showLobby();
      notify(said);
      if (message.code === 'nick-taken' || message.code === 'nick-refused') {
        el('nick').focus();
        el('nick').select();
      }
      return;
    }
    notify(said);
    if ((message.code === 'rate' || message.code === 'too-long') && state.lastSent && !el('message').value) {
      el('message').value = state.lastSent;
    }
  }

  function onLeft() {
    showLobby();
    setStatus(t('page.status.left'));
    el('nick').focus();
  }

  function showLobby() {
    state.joined = false;
    state.joining = false;
    el('room').hidden = true;
    el('lobby').hidden = false;
    el('join').disabled = state.rooms.length === 0;
    document.title = t('page.title');
    setStatus('');
    renderRooms();
    loadRooms();
  }

  function onSend(event) {
    event.preventDefault();
    const box = el('message');
    const text = box.value;
    if (!text.trim() || !state.joined) {
      return;
    }
    const to = el('recipient').value;
    state.lastSent = text;
    send(to ? { type: 'private', to: to, text: text } : { type: 'say', text: text });
    box.value = '';
    box.focus();
  }

  function onMessageKey(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      el('send-form').requestSubmit();
    }
  }

  function onLeave() {
    send({ type: 'leave' });
  }

  document.addEventListener('DOMContentLoaded', () => {
    el('notice').tabIndex = -1;
    el('join-form').addEventListener('submit', onJoin);
    el('send-form').addEventListener('submit', onSend);
    el('message').addEventListener('keydown', onMessageKey);
    el('leave').addEventListener('click', onLeave);
    // The room list in the visitor's language (Accept-Language), else the bot's; then the rooms.
    useLanguage(null).finally(loadRooms);
  });
}());
