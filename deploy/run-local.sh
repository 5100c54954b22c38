#!/usr/bin/env bash
# Runs Majordome against a throwaway Prosody on this machine (127.0.0.1 only):
#
#   deploy/run-local.sh
#
# On first use it installs Prosody and prosody-modules (apt-get, with sudo when not root), then every run
# it starts a private Prosody instance (own config, data and pidfile in deploy/local/, never the system
# service; message moderation, XEP-0425, when mod_muc_moderation is installed),
# creates the bot account majordome@localhost and a demo admin admin@localhost, builds the bot when
# needed and runs it in the foreground with deploy/example-bot.yml. Ctrl-C stops the bot and that Prosody.
#
# Environment:
#   MAJORDOME_XMPP_PORT=5222       client port of the local Prosody; exported, so that a configuration saying
#                                  port: ${MAJORDOME_XMPP_PORT:-5222} (as deploy/example-bot.yml does) dials it
#   MAJORDOME_PASSWORD=...         the bot's password (default: generated once, kept in deploy/local/)
#   MAJORDOME_ADMIN_PASSWORD=...   admin@localhost's password (default: generated once and printed)
#   MAJORDOME_WEB_PORT=8080        loopback port of the web chat (http://127.0.0.1:8080/chat/); exported for
#                                  the configuration's port: ${MAJORDOME_WEB_PORT:-8080}
#   MAJORDOME_WEB_PASSWORD=...     password of visitors@localhost, the web chat's account (default: generated
#                                  once, kept in deploy/local/)
#   MAJORDOME_CONFIG=...           bot configuration (default: deploy/example-bot.yml)
#   MAJORDOME_JAVA_OPTS=...        JVM options added after the launcher's (deploy/lib/jvm-options.sh)
#   MAJORDOME_PROSODY_ONLY=1       only start Prosody and create the accounts, then wait for Ctrl-C
#                                  (to run the bot from an IDE against it)
set -euo pipefail

readonly ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly LOCAL_DIR=$ROOT/deploy/local
readonly PORT=${MAJORDOME_XMPP_PORT:-5222}
readonly WEB_PORT=${MAJORDOME_WEB_PORT:-8080}
[[ $WEB_PORT =~ ^[0-9]+$ ]] && (( WEB_PORT > 0 && WEB_PORT < 65536 )) || { echo "[run-local] error: MAJORDOME_WEB_PORT must be a port number, got '$WEB_PORT'" >&2; exit 1; }
[[ $PORT =~ ^[0-9]+$ ]] && (( PORT > 0 && PORT < 65536 )) || { echo "[run-local] error: MAJORDOME_XMPP_PORT must be a port number, got '$PORT'" >&2; exit 1; }
readonly CONFIG=${MAJORDOME_CONFIG:-deploy/example-bot.yml}
readonly PROSODY_CONFIG=$LOCAL_DIR/prosody.cfg.lua
readonly PROSODY_LOG=$LOCAL_DIR/prosody.log
readonly DOMAIN=localhost

prosody_pid=""
bot_pid=""

say() { printf '[run-local] %s\n' "$*"; }
die() { printf '[run-local] error: %s\n' "$*" >&2; exit 1; }

# As root directly, otherwise through sudo when there is one.
as_root() {
	if (( EUID == 0 )); then
		"$@"
	elif command -v sudo >/dev/null; then
		sudo "$@"
	else
		die "needs root to run: $* (install sudo or run this script as root)"
	fi
}

port_answers() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

install_prosody() {
	if command -v prosody >/dev/null && command -v prosodyctl >/dev/null; then
		return
	fi
	command -v apt-get >/dev/null || die "Prosody is missing and this is not a Debian-like system: install Prosody 0.12+ yourself"
	say "installing Prosody and its community modules (apt-get)"
	as_root apt-get update -q
	# prosody-modules brings mod_muc_moderation: the demo then removes spam for everyone (XEP-0425).
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q prosody prosody-modules openssl
}

# The service the Debian package installs (its pidfile is /run/prosody/prosody.pid).
system_prosody_running() {
	if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
		systemctl is-active --quiet prosody
	else
		[[ -r /run/prosody/prosody.pid ]] && grep -qa prosody "/proc/$(cat /run/prosody/prosody.pid)/cmdline" 2>/dev/null
	fi
}

# The Debian package starts a system-wide Prosody on 5222; ours would not get the port.
free_the_port() {
	port_answers "$PORT" || return 0
	if [[ -f $LOCAL_DIR/prosody.pid ]] && kill -0 "$(cat "$LOCAL_DIR/prosody.pid")" 2>/dev/null; then
		die "a local Prosody from an earlier run is still running (pid $(cat "$LOCAL_DIR/prosody.pid")); stop it with: kill $(cat "$LOCAL_DIR/prosody.pid")"
	fi
	if system_prosody_running; then
		say "stopping the system Prosody service, which holds port $PORT (restart it later with: sudo service prosody start)"
		if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
			as_root systemctl stop prosody
		else
			as_root service prosody stop || true
		fi
		local waited=0
		while port_answers "$PORT" && (( waited++ < 100 )); do sleep 0.1; done
	fi
	port_answers "$PORT" && die "port $PORT is in use by another program; choose another, e.g. MAJORDOME_XMPP_PORT=15222 $0"
	return 0
}

# A password given in the environment, else one generated on first use and kept for the next runs.
remembered_password() {
	local file=$LOCAL_DIR/$1 given=$2
	if [[ -n $given ]]; then
		printf '%s' "$given"
	else
		[[ -s $file ]] || (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$file")
		cat "$file"
	fi
}

# A module of Prosody's own or of Debian's prosody-modules (which puts each in a directory of its own).
prosody_module_installed() {
	local dir
	for dir in /usr/lib/prosody/modules /usr/local/lib/prosody/modules; do
		[[ -e $dir/mod_$1.lua || -e $dir/mod_$1/mod_$1.lua ]] && return 0
	done
	return 1
}

write_prosody_config() {
	mkdir -p "$LOCAL_DIR/data" "$LOCAL_DIR/certs"
	local ssl_line="-- no certificate: openssl is missing, so no STARTTLS"
	if command -v openssl >/dev/null; then
		if [[ ! -s $LOCAL_DIR/certs/$DOMAIN.crt ]]; then
			openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
				-subj "/CN=$DOMAIN" -addext "subjectAltName=DNS:$DOMAIN,DNS:conference.$DOMAIN" \
				-keyout "$LOCAL_DIR/certs/$DOMAIN.key" -out "$LOCAL_DIR/certs/$DOMAIN.crt" 2>/dev/null
		fi
		ssl_line="ssl = { certificate = \"$LOCAL_DIR/certs/$DOMAIN.crt\"; key = \"$LOCAL_DIR/certs/$DOMAIN.key\" }"
	fi
	local muc_modules=""
	if prosody_module_installed muc_mam; then
		muc_modules='"muc_mam"'
		# XEP-0425: with it, the moderation plugin removes a message for everyone; without it, the case says
		# "message not removed" and the next rung of the ladder applies.
		if prosody_module_installed muc_moderation; then
			muc_modules+='; "muc_moderation"'
			say "message moderation (XEP-0425): on, mod_muc_moderation is installed"
		else
			say "message moderation (XEP-0425): off, mod_muc_moderation is missing (sudo apt-get install -y prosody-modules)"
		fi
	else
		say "message moderation (XEP-0425): off, mod_muc_mam is missing"
	fi
	sed -e "s|@LOCAL_DIR@|$LOCAL_DIR|g" -e "s|@PORT@|$PORT|g" -e "s|@SSL_LINE@|$ssl_line|" \
		-e "s|@MUC_MODULES@|$muc_modules|" \
		"$ROOT/deploy/prosody/prosody.cfg.lua.template" > "$PROSODY_CONFIG"
}

register() {
	prosodyctl --config "$PROSODY_CONFIG" register "$1" "$DOMAIN" "$2" >/dev/null \
		|| die "could not create $1@$DOMAIN (see $PROSODY_LOG)"
}

start_prosody() {
	say "starting Prosody on 127.0.0.1:$PORT (log: ${PROSODY_LOG#"$ROOT"/})"
	prosody -F --config "$PROSODY_CONFIG" >> "$PROSODY_LOG" 2>&1 &
	prosody_pid=$!
	local waited=0
	until port_answers "$PORT"; do
		kill -0 "$prosody_pid" 2>/dev/null || { tail -n 20 "$PROSODY_LOG" >&2; die "Prosody exited while starting"; }
		(( waited++ < 200 )) || die "Prosody did not open port $PORT within 20 s (see $PROSODY_LOG)"
		sleep 0.1
	done
}

stop_prosody() {
	[[ -n $prosody_pid ]] && kill -0 "$prosody_pid" 2>/dev/null || return 0
	say "stopping Prosody"
	kill -TERM "$prosody_pid" 2>/dev/null || true
	local waited=0
	while kill -0 "$prosody_pid" 2>/dev/null && (( waited++ < 100 )); do sleep 0.1; done
	kill -KILL "$prosody_pid" 2>/dev/null || true
	wait "$prosody_pid" 2>/dev/null || true
}

cleanup() {
	local status=$?
	trap - EXIT INT TERM
	if [[ -n $bot_pid ]] && kill -0 "$bot_pid" 2>/dev/null; then
		kill -TERM "$bot_pid" 2>/dev/null || true
		wait "$bot_pid" 2>/dev/null || true
	fi
	stop_prosody
	exit "$status"
}

# The plugins module's jar, with the whole runtime class path (bot-core and libraries) in its lib/.
bot_jar() {
	compgen -G "$ROOT/plugins/target/majordome-plugins-*.jar" | grep -v -e '-tests\.jar$' -e '-sources\.jar$' | head -n 1 || true
}

build_bot_if_needed() {
	local jar
	jar=$(bot_jar)
	if [[ -n $jar && -d $ROOT/plugins/target/lib ]] \
		&& [[ -z $(find "$ROOT/bot-core/src/main" "$ROOT/plugins/src/main" "$ROOT/pom.xml" "$ROOT/bot-core/pom.xml" \
			"$ROOT/plugins/pom.xml" -newer "$jar" -print -quit) ]]; then
		return
	fi
	command -v mvn >/dev/null || die "Maven is needed to build the bot: sudo apt-get install -y maven"
	say "building the bot (mvn -B -q -DskipTests package)"
	(cd "$ROOT" && mvn -B -q -DskipTests package)
	# The jar plugin leaves an up-to-date jar untouched: mark it as built now, or every start would build again.
	jar=$(bot_jar)
	if [[ -n $jar ]]; then touch "$jar"; fi
}

main() {
	cd "$ROOT"
	install_prosody
	mkdir -p "$LOCAL_DIR"
	free_the_port
	write_prosody_config

	local bot_password admin_password web_password new_admin_password=""
	bot_password=$(remembered_password bot-password "${MAJORDOME_PASSWORD:-}")
	web_password=$(remembered_password web-password "${MAJORDOME_WEB_PASSWORD:-}")
	[[ -n ${MAJORDOME_ADMIN_PASSWORD:-} || -s $LOCAL_DIR/admin-password ]] || new_admin_password=yes
	admin_password=$(remembered_password admin-password "${MAJORDOME_ADMIN_PASSWORD:-}")
	# Accounts are files in the data directory: creating them before the start avoids any race.
	register majordome "$bot_password"
	register admin "$admin_password"
	# The web chat's visitors each log in on this account (a resource each), never on the bot's own.
	register visitors "$web_password"

	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	start_prosody

	say "XMPP server ready: 127.0.0.1:$PORT, rooms on conference.$DOMAIN"
	if [[ -n $new_admin_password ]]; then
		say "demo admin: admin@$DOMAIN, password: $admin_password (kept in ${LOCAL_DIR#"$ROOT"/}/admin-password)"
	else
		say "demo admin: admin@$DOMAIN (password in ${LOCAL_DIR#"$ROOT"/}/admin-password or \$MAJORDOME_ADMIN_PASSWORD)"
	fi

	if [[ ${MAJORDOME_PROSODY_ONLY:-0} == 1 ]]; then
		say "MAJORDOME_PROSODY_ONLY=1: not starting the bot; Ctrl-C stops Prosody"
		wait "$prosody_pid" || true
		die "Prosody exited (see $PROSODY_LOG)"
	fi

	. "$ROOT/deploy/lib/find-java.sh"
	. "$ROOT/deploy/lib/jvm-options.sh"
	local java jar
	java=$(majordome_find_java)
	build_bot_if_needed
	jar=$(bot_jar)
	[[ -n $jar ]] || die "no majordome-plugins jar in plugins/target after the build"

	# The packaged launcher's options, with the class path's graal/ (the Graal compiler, see plugins/pom.xml).
	majordome_jvm_options "$java" "$ROOT/plugins/target/lib" run
	export MAJORDOME_PASSWORD=$bot_password
	[[ -r $CONFIG ]] || die "no configuration file $CONFIG"
	export MAJORDOME_XMPP_PORT=$PORT
	export MAJORDOME_WEB_PORT=$WEB_PORT MAJORDOME_WEB_PASSWORD=$web_password
	say "starting the bot with $CONFIG ($java)"
	say "web chat for visitors (the lobby): http://127.0.0.1:$WEB_PORT/chat/"
	say "operator console: http://127.0.0.1:$WEB_PORT/console/ (log in as admin@localhost; the link arrives by chat)"
	# In the background and waited for, so that Ctrl-C/SIGTERM reach the trap at once and stop both.
	"$java" "${MAJORDOME_JVM_OPTIONS[@]}" -cp "$jar:$ROOT/plugins/target/lib/*" org.majordome.app.Majordome run --config "$CONFIG" &
	bot_pid=$!
	local status=0
	wait "$bot_pid" || status=$?
	bot_pid=""
	exit "$status"
}

main "$@"
