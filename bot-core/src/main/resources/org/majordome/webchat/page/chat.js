// The web chat's page: a room list, a nickname, then one room over the bot's WebSocket.
// No framework and no build step. Every string that comes from XMPP (room titles, subjects, nicks, messages,
// reasons) is data: it is put into the page with textContent only, never parsed as markup, and isolated for
// bidirectional text (<bdi> or dir="auto") so that a right-to-left nick cannot reorder the words around it.
'use strict';

(function () {
  const ERROR_WORDS = {
    'nick-taken': 'Someone in this room already uses that nickname. Please choose another one.',
    'nick-refused': 'That nickname is not allowed in this room. Please choose another one.',
    'banned': 'You are banned from this room.',
    'full': 'The room is full right now. Please try again later.',
    'rate': 'You are sending messages too fast. Please wait a moment and send it again.',
    'too-long': 'That message is too long. Please make it shorter.',
    'not-allowed': 'You are not allowed to do that here.',
    'unavailable': 'The chat is not available right now. Please try again later.'
  };
  const ROLE_WORDS = {
    moderator: 'moderator',
    participant: 'participant',
    visitor: 'visitor, cannot speak',
    none: ''
  };

  const state = {
    socket: null,
    rooms: [],
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
    const n = Number(count) || 0;
    return n === 1 ? '1 person here' : n + ' people here';
  }

  // ---- the lobby: rooms and nickname ---------------------------------------------------------------------------

  async function loadRooms() {
    setStatus('Loading the rooms…');
    try {
      const response = await fetch('rooms', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      const rooms = await response.json();
      state.rooms = Array.isArray(rooms) ? rooms : [];
      renderRooms();
      setStatus('');
    } catch (failure) {
      state.rooms = [];
      renderRooms();
      setStatus('');
      notify('The list of rooms could not be loaded. Please reload the page in a moment.');
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
          textElement('span', '(' + people(room.occupants) + (banned ? ', you are banned' : '') + ')', 'count'));
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
        subject.append(textElement('span', 'Subject: ', 'label'), isolated(room.subject));
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

  function onJoin(event) {
    event.preventDefault();
    if (state.joining) {
      return;
    }
    const jid = selectedRoom();
    const nick = el('nick').value.trim();
    if (!jid) {
      notify('Please choose a room.');
      const first = document.querySelector('input[name="room"]:not(:disabled)');
      if (first) {
        first.focus();
      }
      return;
    }
    if (!nick) {
      notify('Please choose a nickname.');
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
    setStatus('Entering the room…');
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
        notify('The connection to the chat was lost. Choose a room to enter it again.');
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
    document.title = state.roomTitle + ' · Chat';
    el('lobby').hidden = true;
    el('room').hidden = false;
    el('join').disabled = false;
    setStatus('You are in the room ' + state.roomTitle + '.');
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
        addEvent([isolated(nick, 'nick'), ' left the room.']);
      }
    } else {
      const occupant = { nick: nick, role: String(message.role || 'none'), affiliation: String(message.affiliation || 'none') };
      state.occupants.set(nick, occupant);
      if (state.joined && !before) {
        addEvent([isolated(nick, 'nick'), ' joined the room.']);
      } else if (state.joined && before.role !== occupant.role) {
        addEvent([isolated(nick, 'nick'), ' is now ' + (ROLE_WORDS[occupant.role] || occupant.role) + '.']);
      }
    }
    renderOccupants();
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
      const role = ROLE_WORDS[occupant.role];
      if (role) {
        item.append(' ', textElement('span', '(' + role + ')', 'role'));
      }
      if (occupant.nick === state.nick) {
        item.append(' ', textElement('span', '(you)', 'you'));
      }
      return item;
    }));
    el('occupant-count').textContent = String(sorted.length);
    const options = [textElement('option', 'Everyone in the room')];
    options[0].value = '';
    sorted.filter((occupant) => occupant.nick !== state.nick).forEach((occupant) => {
      const option = textElement('option', 'Only ' + occupant.nick + ' (private)');
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
    return sameDay ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
      : date.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
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
      entry.append(' ', textElement('span', message.to ? '(private, to ' : '(private)', 'private-mark'));
      if (message.to) {
        entry.append(isolated(message.to, 'nick'), textElement('span', ')', 'private-mark'));
      }
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
        addEvent([isolated(message.by, 'nick'), ' changed the subject to: ', isolated(message.subject || '')]);
      } else {
        addEvent(['The subject is now: ', isolated(message.subject || '')]);
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
    const parts = [banned ? 'You were banned from the room ' : 'You were removed (kicked) from the room ', isolated(title)];
    if (message.by) {
      parts.push(' by ', isolated(message.by));
    }
    parts.push('.');
    if (message.reason) {
      const reason = String(message.reason);
      parts.push(' Reason: ', isolated(reason), /[.!?]$/.test(reason) ? '' : '.');
    } else {
      parts.push(' No reason was given.');
    }
    parts.push(banned ? ' You cannot enter it again.' : ' You may enter a room again.');
    notify(...parts);
    el('notice').focus();
  }

  function onError(message) {
    const words = message.text ? String(message.text) : (ERROR_WORDS[message.code] || 'Something went wrong.');
    if (state.joining) {
      state.joining = false;
      showLobby();
      notify(words);
      if (message.code === 'nick-taken' || message.code === 'nick-refused') {
        el('nick').focus();
        el('nick').select();
      }
      return;
    }
    notify(words);
    if ((message.code === 'rate' || message.code === 'too-long') && state.lastSent && !el('message').value) {
      el('message').value = state.lastSent;
    }
  }

  function onLeft() {
    showLobby();
    setStatus('You left the room.');
    el('nick').focus();
  }

  function showLobby() {
    state.joined = false;
    state.joining = false;
    el('room').hidden = true;
    el('lobby').hidden = false;
    el('join').disabled = state.rooms.length === 0;
    document.title = 'Chat';
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
    loadRooms();
  });
}());
