# The JVM options Majordome runs with. Sourced by the packaged launcher (bin/majordome) and by
# deploy/run-local.sh, so that both run the bot the same way:
#
#   . lib/jvm-options.sh
#   majordome_jvm_options "$java" "$lib" run   # the java binary, the directory of the class path jars, the command
#   exec "$java" "${MAJORDOME_JVM_OPTIONS[@]}" -cp "$lib/*" ...
#
# Sets the array MAJORDOME_JVM_OPTIONS: the defaults, then class-data sharing for "run", or instead the Graal
# compiler options when MAJORDOME_SCRIPT_COMPILER is "on", "$lib/graal" holds jars and java is 25 or newer, then
# $MAJORDOME_JAVA_OPTS (last, so that they win). Needs find-java.sh sourced.
#
# Environment:
#   MAJORDOME_SCRIPT_COMPILER=on   run script plugins compiled by the Graal compiler of lib/graal/ (default off:
#                                  interpreted, with class-data sharing; see below for the price of each)
#   MAJORDOME_CDS_ARCHIVE=FILE     where the class-data sharing archive of "run" is kept; empty: none. By default
#                                  $CACHE_DIRECTORY (systemd's CacheDirectory=), else ${XDG_CACHE_HOME:-~/.cache},
#                                  under majordome/, when that directory can be written

majordome_jvm_options() {
	local java=$1 lib=$2 command=${3:-} extra version archive
	# Exit at once on OutOfMemoryError so that systemd (or the container runtime) restarts a clean process; a
	# bot needs little heap, so a share of the machine's (or cgroup's) memory rather than the JVM's default.
	# Footprint (a bot on 1-2 cores keeps 15-45 MB live, RESULTS.md "Scale"): the serial collector (no GC
	# threads, no remembered sets; its pauses on such a heap are a few ms) and a small initial heap that
	# grows only as the live data needs, rather than 1/64 of the machine's memory committed and touched at once.
	MAJORDOME_JVM_OPTIONS=(-XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -Xms16m -XX:MaxRAMPercentage=50
		-XX:MaxHeapFreeRatio=40 -XX:MinHeapFreeRatio=20 -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8)

	# GraalJS interprets script plugins on a stock JDK unless the Graal compiler is there: the GraalVM way for
	# a stock JDK is JVMCI enabled and the compiler (with the modules it requires) on the upgrade module path.
	# The application, Truffle included, stays on the class path: Truffle finds the compiler through JVMCI,
	# after loading a small native library of its own to reach JVMCI from the unnamed module (hence native
	# access, else the JVM warns about it on every start). The compiler we ship is the release
	# built for Java 25's JVMCI: on an older Java the scripts stay interpreted rather than risk the start.
	# The price: the JVM turns class-data sharing off with an upgrade module path, so with 10 rooms the bot took
	# 165 MiB instead of 148-149 MiB and restarted in 2.7-3.9 s instead of 1.4-2.0 s (RESULTS.md §13, quiet machine),
	# and the compiler's warm-up costs CPU. Chat scripts are small: a trivial handler costs about the same per
	# event either way (the hand-off to the script's thread dominates, RESULTS.md §11), so the compiler is opt-in
	# for keepers whose scripts compute.
	local compiler=0
	if [[ ${MAJORDOME_SCRIPT_COMPILER:-off} == on ]] && compgen -G "$lib/graal/*.jar" >/dev/null; then
		version=$(majordome_java_version "$java")
		if [[ -n ${version:-} ]] && (( version >= 25 )); then
			compiler=1
			MAJORDOME_JVM_OPTIONS+=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI
				"--upgrade-module-path=$lib/graal" --enable-native-access=ALL-UNNAMED)
		fi
	fi

	# Class-data sharing of the bot's own classes (Spring, Smack, H2, ...): the JVM writes the archive when the
	# first "run" stops and maps it at every later start (start-up and class metadata), and writes it anew by
	# itself when the class path or the JDK changed. Only for "run": a check-config or --version would leave an
	# archive of a handful of classes. Not possible with the compiler's upgrade module path.
	if [[ $command == run && $compiler == 0 ]]; then
		archive=$(majordome_cds_archive "$lib")
		if [[ -n $archive ]]; then
			MAJORDOME_JVM_OPTIONS+=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$archive")
		fi
	fi

	if [[ -n ${MAJORDOME_JAVA_OPTS:-} ]]; then
		read -r -a extra <<<"$MAJORDOME_JAVA_OPTS"
		MAJORDOME_JVM_OPTIONS+=("${extra[@]}")
	fi
}

# The class-data sharing archive for the class path in $1, or nothing when there is no writable place for it.
majordome_cds_archive() {
	local lib=$1 directory
	if [[ -n ${MAJORDOME_CDS_ARCHIVE+set} ]]; then
		printf '%s' "$MAJORDOME_CDS_ARCHIVE"
		return
	fi
	if [[ -n ${CACHE_DIRECTORY:-} ]]; then
		directory=${CACHE_DIRECTORY%%:*}
	elif [[ -n ${XDG_CACHE_HOME:-} || -n ${HOME:-} ]]; then
		directory=${XDG_CACHE_HOME:-$HOME/.cache}/majordome
	else
		return
	fi
	mkdir -p "$directory" 2>/dev/null || return 0
	[[ -w $directory ]] || return 0
	# One archive per installation (its class path), so that two installations do not overwrite each other's, and
	# per state of its jars (names, sizes, times): the JVM checks them against the archive and, when a rebuild or an
	# upgrade changed one, prints "[error][cds] shared class paths mismatch" before it writes the archive anew,
	# which reads like a failure. A new state gets a new file; the installation's older ones are removed.
	local installation state old
	installation=$(printf '%s' "$lib" | cksum | cut -d ' ' -f 1)
	state=$(cd "$lib" 2>/dev/null && stat -L -c '%n %s %Y' -- *.jar 2>/dev/null | cksum | cut -d ' ' -f 1)
	for old in "$directory/classes-$installation"-*.jsa "$directory/classes-$installation.jsa"; do
		[[ -e $old && $old != "$directory/classes-$installation-$state.jsa" ]] && rm -f -- "$old"
	done
	printf '%s/classes-%s-%s.jsa' "$directory" "$installation" "$state"
}
